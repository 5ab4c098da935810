"""How the report is built: the plan and its cache keys (`runs`), notebook execution on the
project's kernels, the site's pages and publishing them atomically (`publish`), one build
(`build`) or one notebook (`single_run`). The top layer, under only the command line."""
