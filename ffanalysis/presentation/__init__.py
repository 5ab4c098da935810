"""How a finding is shown: the charts in one house style, the tables and notes readers see,
the notebooks' kit (`chapter`) and the reader's page. It reads the layers below it."""
