using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>allow-all-rule</c>: a rule that admits every peer on every port (<c>- {}</c>), or a rule without ports with a
/// peer <c>namespaceSelector: {}</c> and no (or an empty) podSelector, which admits every pod of every namespace on
/// every port. For the pods it selects, it undoes any default deny in that direction (the second form for traffic
/// within the cluster).
/// </summary>
public sealed class AllowAllRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "allow-all-rule";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a rule {} (or namespaceSelector: {} without ports) that undoes a default deny";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                if (!rule.AllPorts)
                {
                    continue;
                }

                var word = direction == Direction.Ingress ? "ingress" : "egress";
                var who = direction == Direction.Ingress ? "from" : "to";
                if (rule.AllPeers)
                {
                    context.Report(
                        policy,
                        path,
                        $"admits every {word} peer on every port: the pods selected by {policy.Name} are open for {word}",
                        $"list the peers and ports you mean, e.g.\n  - {who}:\n      - podSelector:\n          matchLabels:\n            app: <client>\n    ports:\n      - port: <number or name>");
                }
                else if (rule.Peers.Any(p => p.IPBlock is null && p.NamespaceSelector is { IsEmpty: true } && p.PodSelector is null or { IsEmpty: true }))
                {
                    context.Report(
                        policy,
                        path,
                        $"namespaceSelector {{}} with no ports admits every pod of every namespace on every port for {word}",
                        "name the namespaces (kubernetes.io/metadata.name) and ports you mean");
                }
            }
        }
    }
}
