using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>numeric-port-has-name</c>: a rule gives a port number that every destination pod listening on it declares
/// under one name. The name survives a change of the number in the pod spec; the number does not. Only ports of
/// pods the policy's authors own are judged: ingress rules, and egress rules whose destinations are all in the
/// policy's namespace. DNS (53) keeps its number: the DNS rule lint itself suggests names it by number, which also works for a
/// node-local DNS cache.
/// </summary>
public sealed class NumericPortHasNameRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "numeric-port-has-name";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary => "a numeric port where the pods name that port: prefer the name";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                List<Pod>? destinations = null;
                for (var j = 0; j < rule.Ports.Count; j++)
                {
                    var port = rule.Ports[j];
                    if (port.Port is not { } number || port.EndPort is not null)
                    {
                        continue;
                    }

                    if (number == 53)
                    {
                        continue;
                    }

                    destinations ??= [.. context.Destinations(policy, direction, rule)];
                    if (direction == Direction.Egress && destinations.Any(p => p.Namespace != policy.Namespace))
                    {
                        continue;
                    }

                    var listening = destinations.Where(p => p.Ports.Any(c => c.Port == number && c.Protocol == port.Protocol)).ToList();
                    var declared = listening.SelectMany(p => p.Ports).Where(c => c.Port == number && c.Protocol == port.Protocol).ToList();
                    if (declared.Count == 0 || declared.Any(c => c.Name is null) || declared.Select(c => c.Name).Distinct().Count() != 1)
                    {
                        continue;
                    }

                    var name = declared[0].Name!;
                    context.Report(
                        policy,
                        $"{path}.ports[{j}].port",
                        $"port {number}/{port.Protocol} is named {name} by the pods that listen on it: the name keeps the rule right if the number changes",
                        $"port: {name}");
                }
            }
        }
    }
}
