namespace Netpol.Analysis.Tests.Audit;

/// <summary>
/// One row of the tier audit table: CSV flows replayed against <see cref="TierAuditTests"/>' world, the cluster
/// policy rules expected to have decided flows (<c>REFERENCE N</c>, in evaluation order), what denied each denied
/// group (<c>FROM -&gt; TO PORT: ENTRY; ENTRY</c>) and the NetworkPolicy rules expected to have admitted flows
/// (<c>REFERENCE N</c>).
/// </summary>
public sealed record TierAuditCase(string Name, string Flows, string[] ClusterRules, string[] DeniedBy, string[]? Rules = null)
{
    public override string ToString() => Name;
}
