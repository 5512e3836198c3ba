using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>domain-names-depend-on-dns</c>: an egress rule with a <c>domainNames</c> peer. Which addresses it matches is
/// decided by DNS answers at run time, so netpol treats it as matching nothing and marks the verdicts it could
/// change as "depends on DNS". The API documents domainNames for Accept rules only, so a Deny or Pass rule with one
/// is also told that plugins may not support it.
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
                        var action = policy.Egress[i].Action;
                        var unsupported = action == ClusterRuleAction.Accept
                            ? string.Empty
                            : $"; the API supports domainNames only in Accept rules, so a plugin may reject or ignore this {action} rule: deny by default with a lower-precedence rule and Accept the domains instead";
                        context.Report(
                            policy,
                            $"spec.egress[{i}].to[{j}]",
                            $"domainNames ({string.Join(", ", names)}) match the addresses DNS returns at run time: netpol cannot decide them statically, treats the peer as matching nothing, and reports the affected verdicts as depending on DNS{unsupported}");
                    }
                }
            }
        }
    }
}
