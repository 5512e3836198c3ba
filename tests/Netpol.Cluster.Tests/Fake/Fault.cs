namespace Netpol.LiveCluster.Tests.Fake;

/// <summary>
/// What the fake API server does to one request instead of (or before) answering it: wait, then answer with a status.
/// With <see cref="OnlyWithContinue"/>, it waits for a request that carries a continue token.
/// </summary>
internal sealed record Fault(int Status = 0, TimeSpan Delay = default, bool OnlyWithContinue = false);
