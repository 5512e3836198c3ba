using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>no-default-deny-ingress</c> / <c>no-default-deny-egress</c>: a namespace with pods where no single policy
/// isolates all of them for the direction. Without such a "default deny", every new pod starts open, and a pod
/// whose labels miss every policy stays open unnoticed. System namespaces are excluded by default. When a cluster
/// policy catch-all Deny protects every pod of the namespace, present and future, for the direction (and the pods it
/// does not are isolated by NetworkPolicies), the finding is a note at info level at most naming the cluster policy.
/// </summary>
public sealed class NoDefaultDenyRule : LintRule
{
    private readonly Direction _direction;

    /// <summary>The rule for one direction.</summary>
    public NoDefaultDenyRule(Direction direction) => _direction = direction;

    /// <inheritdoc />
    public override string Id => _direction == Direction.Ingress ? "no-default-deny-ingress" : "no-default-deny-egress";

    /// <inheritdoc />
    public override Severity DefaultSeverity => _direction == Direction.Ingress ? Severity.Warning : Severity.Info;

    /// <inheritdoc />
    public override string Summary => $"a namespace with pods and no policy isolating all its pods for {Word}";

    private string Word => _direction == Direction.Ingress ? "ingress" : "egress";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var ns in context.Cluster.Namespaces)
        {
            var pods = context.Cluster.PodsIn(ns.Name).Where(p => !p.HostNetwork).ToList();
            if (pods.Count == 0 || !context.IsCovered(ns.Name))
            {
                continue;
            }

            var policies = context.Cluster.PoliciesIn(ns.Name).Where(p => p.Affects(_direction)).ToList();
            if (policies.Any(p => pods.All(pod => p.PodSelector.Matches(pod.Labels))))
            {
                continue;
            }

            var open = pods.Where(p => !context.IsIsolated(p, _direction)).ToList();
            var state = open.Count == pods.Count
                ? $"all {pods.Count} of its pods are open for {Word}"
                : open.Count == 0
                    ? $"its {pods.Count} pods are isolated by separate policies, but a new pod would start open"
                    : $"{open.Count} of its {pods.Count} pods {(open.Count == 1 ? "is" : "are")} open for {Word} ({string.Join(", ", open.Take(3).Select(p => p.Name))}{(open.Count > 3 ? ", ..." : string.Empty)})";
            if (context.TierProtectionOf(ns, _direction) is { } tier && pods.All(p => context.IsProtected(p, _direction)))
            {
                context.Report(
                    ns,
                    string.Empty,
                    $"no NetworkPolicy isolates all pods of {ns.Name} for {Word}; protected only by {tier.Policies} ({tier.Tier} tier), for every pod present and future: {tier.Covers}",
                    $"nothing to do if {tier.Policies} is meant to govern {ns.Name}; for the namespace's own policies to decide, add a default-deny-{Word} NetworkPolicy (podSelector: {{}})",
                    Severity.Info);
                continue;
            }

            var types = _direction == Direction.Ingress ? "Ingress" : "Egress";
            var dnsNote = _direction == Direction.Egress ? "\n(then allow DNS: see dns-egress-missing)" : string.Empty;
            context.Report(
                ns,
                string.Empty,
                $"no policy isolates all pods of {ns.Name} for {Word}: {state}",
                $"add a default-deny policy:\n  apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: default-deny-{Word}\n    namespace: {ns.Name}\n  spec:\n    podSelector: {{}}\n    policyTypes:\n      - {types}{dnsNote}");
        }
    }
}
