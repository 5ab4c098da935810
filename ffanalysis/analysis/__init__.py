"""What the data says: comparisons of claims with evidence, the funnel, deaths, the law, past
wars, the chapters' findings and the key findings, with the words that state a figure
(`text`, `words`). It reads the data layer and nothing above it."""
