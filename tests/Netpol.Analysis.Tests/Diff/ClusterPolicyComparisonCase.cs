namespace Netpol.Analysis.Tests.Diff;

/// <summary>
/// Two specs of one cluster network policy (of <see cref="Kind"/>) and the changes expected, each written
/// <c>FIELD KIND: BEFORE -&gt; AFTER</c> (<c>-</c> for a missing side); none: the same policy.
/// </summary>
public sealed record ClusterPolicyComparisonCase(string Name, string Before, string After, string[] Changes, string Kind = "ClusterNetworkPolicy")
{
    public override string ToString() => Name;
}
