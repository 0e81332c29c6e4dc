// Test fixtures are independent (each test builds its own workspace); run them side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
