using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>domain-names-depend-on-dns</c>: an egress rule with a <c>domainNames</c> peer. Which addresses it matches is
/// decided by DNS answers at run time, so netpol treats it as matching nothing and marks the verdicts it could
/// change as "depends on DNS".
/// </summary>
public sealed class DomainNamesDependOnDnsRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "domain-names-depend-on-dns";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary => "a domainNames peer: its verdicts depend on DNS at run time";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.ClusterPolicies)
        {
            for (var i = 0; i < policy.Egress.Count; i++)
            {
                for (var j = 0; j < policy.Egress[i].Peers.Count; j++)
                {
                    if (policy.Egress[i].Peers[j].DomainNames is { } names)
                    {
                        context.Report(
                            policy,
                            $"spec.egress[{i}].to[{j}]",
                            $"domainNames ({string.Join(", ", names)}) match the addresses DNS returns at run time: netpol cannot decide them statically, treats the peer as matching nothing, and reports the affected verdicts as depending on DNS");
                    }
                }
            }
        }
    }
}
