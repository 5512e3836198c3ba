using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>tier-deny-blocks-dns</c>: an Admin or Baseline egress Deny rule that decides DNS (53/UDP) from a pod to
/// cluster DNS, the tier version of forgetting DNS. Exact per pod: the Admin tier is walked first; a pod that no
/// NetworkPolicy isolates for egress then meets the Baseline tier. One finding per denying rule, with the number of
/// pods it cuts off and an example.
/// </summary>
public sealed class TierDenyBlocksDnsRule : LintRule
{
    private const int DnsPort = 53;

    /// <inheritdoc />
    public override string Id => "tier-deny-blocks-dns";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "an Admin or Baseline egress Deny that cuts pods off from cluster DNS";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        if (!cluster.ClusterPolicies.Any(p => p.Egress.Any(r => r.Action == ClusterRuleAction.Deny)))
        {
            return;
        }

        // Without DNS pods in the input the targets include an assumed CoreDNS pod: evaluate in a cluster that has it.
        var standIns = context.Dns.Endpoints.Where(e => e.Pod is { } p && !ReferenceEquals(cluster.FindPod(p.FullName), p)).Select(e => e.Pod!).ToList();
        if (standIns.Count > 0)
        {
            cluster = new Cluster(cluster.Namespaces, [.. cluster.Pods, .. standIns], cluster.Policies, cluster.Services, cluster.ClusterPolicies, cluster.Nodes);
        }

        var reference = new ReferenceEvaluator(cluster);
        var found = new Dictionary<(ClusterNetworkPolicy, int), (int Pods, string Example)>();
        foreach (var pod in context.Cluster.Pods.Where(p => !p.HostNetwork && context.IsCovered(p.Namespace) && !context.Dns.IsDnsPod(p)))
        {
            foreach (var dns in context.Dns.Endpoints)
            {
                var decider = TierWalk.Decider(cluster, ClusterPolicyTier.Admin, Direction.Egress, pod, dns, Protocol.UDP, DnsPort);
                if (decider is null && !reference.IsIsolated(Direction.Egress, pod))
                {
                    decider = TierWalk.Decider(cluster, ClusterPolicyTier.Baseline, Direction.Egress, pod, dns, Protocol.UDP, DnsPort);
                }

                if (decider is not { } d || d.Policy.Egress[d.Index].Action != ClusterRuleAction.Deny)
                {
                    continue;
                }

                var key = (d.Policy, d.Index);
                found[key] = found.TryGetValue(key, out var seen)
                    ? (seen.Pods + 1, seen.Example)
                    : (1, $"{pod.FullName} -> {dns.Name}");
                break;
            }
        }

        foreach (var ((policy, index), (pods, example)) in found)
        {
            context.Report(
                policy,
                TierWalk.PathOf(Direction.Egress, index),
                $"{TierWalk.NameOf(policy, Direction.Egress, index)} denies DNS (53/UDP) to {context.Dns.Description} for {pods} pod{(pods == 1 ? string.Empty : "s")}, e.g. {example}: name lookups fail, and no NetworkPolicy can allow it back"
                    + (policy.Tier == ClusterPolicyTier.Baseline ? " (unless it isolates the pod for egress)" : string.Empty),
                """
                put a rule that accepts DNS before the Deny rule:
                - name: allow-dns
                  action: Accept
                  to:
                    - pods:
                        namespaceSelector:
                          matchLabels:
                            kubernetes.io/metadata.name: kube-system
                        podSelector:
                          matchLabels:
                            k8s-app: kube-dns
                  protocols:
                    - udp: {destinationPort: {number: 53}}
                    - tcp: {destinationPort: {number: 53}}
                """);
        }
    }
}
