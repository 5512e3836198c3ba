using Netpol.Analysis.Naming;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>named-port-unresolved</c>: a rule names a port (<c>port: http</c>) that none of the pods it applies to
/// declares with that protocol. Named ports resolve against the destination pod's container ports: for ingress the
/// pods the policy selects, for egress the pods the rule admits. Unresolved, the entry matches nothing.
/// </summary>
public sealed class NamedPortUnresolvedRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "named-port-unresolved";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "a named port that none of the pods it applies to declares";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HasPods)
        {
            return;
        }

        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                List<Pod>? destinations = null;
                for (var j = 0; j < rule.Ports.Count; j++)
                {
                    var port = rule.Ports[j];
                    if (port.Name is not { } name)
                    {
                        continue;
                    }

                    destinations ??= [.. context.Destinations(policy, direction, rule)];
                    if (destinations.Count == 0 || destinations.Any(p => p.Ports.Any(c => c.Name == name && c.Protocol == port.Protocol)))
                    {
                        continue;
                    }

                    var whose = direction == Direction.Ingress ? "the pods it selects" : "the pods it admits";
                    var other = destinations.SelectMany(p => p.Ports).FirstOrDefault(c => c.Name == name);
                    var names = destinations.SelectMany(p => p.Ports).Where(c => c.Name is not null && c.Protocol == port.Protocol)
                        .Select(c => c.Name!).Distinct().OrderBy(n => EditDistance.Between(n, name)).ThenBy(n => n, StringComparer.Ordinal).ToList();
                    var message = other is not null
                        ? $"port {name}/{port.Protocol}: {whose} declare {name} as {other.Protocol}, not {port.Protocol}: the entry matches nothing"
                        : $"port {name}/{port.Protocol}: none of {whose} ({Sample(destinations)}) declares a container port named {name}: the entry matches nothing";
                    var fix = other is not null
                        ? $"set protocol: {other.Protocol}"
                        : names.Count > 0
                            ? $"use a name they declare: port: {names[0]}{(names.Count > 1 ? $" (declared: {string.Join(", ", names)})" : string.Empty)}"
                            : "name the container port in the pod spec (ports: - name: " + name + ", containerPort: N), or use the number";
                    context.Report(policy, $"{path}.ports[{j}].port", message, fix);
                }
            }
        }
    }

    private static string Sample(List<Pod> pods) =>
        string.Join(", ", pods.Take(3).Select(p => p.FullName)) + (pods.Count > 3 ? $" and {pods.Count - 3} more" : string.Empty);
}
