using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>dns-egress-missing</c>: a pod isolated for egress whose policies allow no DNS query (53/UDP) to cluster DNS.
/// Name resolution fails, so every connection by name fails even where policies allow it.
/// One finding per workload (pods of one owner share it).
/// </summary>
public sealed class DnsEgressMissingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "dns-egress-missing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "a pod isolated for egress cannot reach cluster DNS on 53/UDP";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reported = new HashSet<(string, string)>();
        foreach (var pod in context.Cluster.Pods)
        {
            if (!context.IsCovered(pod.Namespace) || context.Dns.IsDnsPod(pod) || reported.Contains(Workloads.Key(pod)))
            {
                continue;
            }

            var policies = context.SelectingPolicies(pod, Direction.Egress);
            if (policies.Count == 0 || context.Dns.EgressAllows(policies, 53, Protocol.UDP))
            {
                continue;
            }

            reported.Add(Workloads.Key(pod));
            var names = string.Join(", ", policies.Select(p => p.Name));
            context.Report(
                pod,
                string.Empty,
                $"isolated for egress by {names}, but no egress rule allows DNS (53/UDP) to {context.Dns.Description}: lookups by name will time out",
                $"add this rule to the egress of {policies[0].Name} (or to a policy of its own selecting {Workloads.Describe(pod)}):\n{Snippets.DnsEgressRule}");
        }
    }
}
