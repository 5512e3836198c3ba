using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>dns-tcp-missing</c>: an egress rule allows DNS over UDP but the pods it serves cannot use TCP port 53.
/// Answers larger than a UDP datagram (many records, DNSSEC) are retried over TCP and then fail.
/// Reported on the rule that allows UDP.
/// </summary>
public sealed class DnsTcpMissingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "dns-tcp-missing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "DNS is allowed on 53/UDP but not on 53/TCP";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (!context.IsCovered(policy.Namespace))
            {
                continue;
            }

            for (var i = 0; i < policy.Egress.Count; i++)
            {
                var rule = policy.Egress[i];
                if (!context.Dns.RuleAllows(policy, rule, 53, Protocol.UDP) || context.Dns.RuleAllows(policy, rule, 53, Protocol.TCP))
                {
                    continue;
                }

                // The pods this rule serves may still get TCP from another rule or policy.
                // A policy that selects none of its namespace's pods is selector-matches-nothing's finding.
                var pods = context.SelectedPods(policy);
                if (pods.Count == 0 && context.Cluster.PodsIn(policy.Namespace).Any(p => !p.HostNetwork))
                {
                    continue;
                }

                var lacking = pods.Count == 0
                    || pods.Any(p => !context.Dns.EgressAllows(context.SelectingPolicies(p, Direction.Egress), 53, Protocol.TCP));
                if (!lacking)
                {
                    continue;
                }

                var path = $"spec.egress[{i}]";
                context.Report(
                    policy,
                    rule.AllPorts ? path : $"{path}.ports",
                    "allows DNS over UDP only: answers too large for UDP are retried over TCP port 53, which is blocked",
                    "add TCP next to UDP in the rule's ports:\n" + Snippets.DnsPorts);
            }
        }
    }
}
