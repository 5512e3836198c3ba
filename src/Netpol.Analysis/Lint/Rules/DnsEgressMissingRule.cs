using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

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

        CheckNamespacesWithoutPods(context);
    }

    // Policies kept apart from their workloads (a repository of policies alone) still isolate pods: judge each
    // policy on a pod it would select, together with the other policies of the namespace that select that pod.
    private static void CheckNamespacesWithoutPods(LintContext context)
    {
        foreach (var ns in context.Cluster.Namespaces)
        {
            if (!context.IsCovered(ns.Name) || context.Cluster.PodsIn(ns.Name).Any(p => !p.HostNetwork))
            {
                continue;
            }

            var policies = context.Cluster.PoliciesIn(ns.Name);
            foreach (var policy in policies)
            {
                if (!policy.AffectsEgress || Example(policy) is not { } pod)
                {
                    continue;
                }

                var selecting = policies.Where(p => Semantics.Selects(p, pod, Direction.Egress)).ToList();
                if (context.Dns.EgressAllows(selecting, 53, Protocol.UDP))
                {
                    continue;
                }

                var others = selecting.Where(p => !ReferenceEquals(p, policy)).Select(p => p.Name).ToList();
                var also = others.Count == 0 ? string.Empty : $" (nor do {string.Join(", ", others)}, which select them too)";
                context.Report(
                    policy,
                    policy.Egress.Count > 0 ? "spec.egress" : "spec.policyTypes",
                    $"isolates pods {policy.PodSelector} for egress, but allows no DNS (53/UDP) to {context.Dns.Description}{also}: lookups by name will time out",
                    $"add this rule to its egress (or to a policy of its own selecting the same pods):\n{Snippets.DnsEgressRule}");
            }
        }
    }

    // A pod the selector matches: In takes its first value, Exists any value; NotIn and DoesNotExist hold for a pod
    // without the key. Null when the requirements contradict each other.
    private static Pod? Example(NetworkPolicy policy)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in policy.PodSelector.Requirements)
        {
            if (r.Operator == SelectorOperator.In && !labels.ContainsKey(r.Key))
            {
                labels[r.Key] = r.Values[0];
            }
        }

        foreach (var r in policy.PodSelector.Requirements)
        {
            if (r.Operator == SelectorOperator.Exists && !labels.ContainsKey(r.Key))
            {
                labels[r.Key] = "x";
            }
        }

        var pod = new Pod(policy.Namespace, "(a pod it selects)", labels, [], []);
        return policy.PodSelector.Matches(labels) ? pod : null;
    }
}
