namespace Netpol.Manifests.Specs;

/// <summary>What a connectivity test expects of every (source pod, destination pod) pair it resolves to.</summary>
public enum TestExpectation
{
    /// <summary><c>expect: allow</c>: every pair must be allowed.</summary>
    Allow,

    /// <summary><c>expect: deny</c>: every pair must be denied.</summary>
    Deny,
}
