// One host and one Chromium at a time: the browser tests share a small machine with the rest of the suite.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
