using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>cni-dependent</c>: a policy whose meaning depends on the network plugin, naming the profiles
/// (<c>--cni</c>) on which it differs from upstream semantics. Cases: an ipBlock holding pod IPs, or node addresses
/// (hostNetwork pods, Node objects); SCTP ports; <c>endPort</c>; named ports; an ipBlock in a rule with a named port;
/// egress to a Service whose port is not its targetPort; a cluster network policy of a kind some plugins ignore.
/// Only the profiles in <see cref="LintOptions.CniProfiles"/> are considered; what is only uncertain or
/// version-dependent (named ports, endPort) is reported only when a profile was named (<see cref="LintOptions.CniNamed"/>).
/// </summary>
public sealed class CniDependentRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "cni-dependent";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary => "a policy means different things on different network plugins (see docs/cni-profiles.md)";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profiles = context.Options.CniProfiles;
        var nodeAddresses = context.Cluster.Nodes.SelectMany(n => n.Addresses)
            .Concat(context.Cluster.Pods.Where(p => p.HostNetwork).SelectMany(p => p.IPs)).Distinct().ToList();
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                for (var i = 0; i < rule.Peers.Count; i++)
                {
                    if (rule.Peers[i].IPBlock is not { } block)
                    {
                        continue;
                    }

                    var peerPath = $"{path}.{(direction == Direction.Ingress ? "from" : "to")}[{i}].ipBlock";
                    var pods = context.PodsAdmittedBy(policy, rule.Peers[i]).Where(p => !p.HostNetwork).ToList();
                    if (pods.Count > 0)
                    {
                        Report(context, policy, peerPath, $"{block} holds the IP of {pods[0].FullName}{(pods.Count > 1 ? $" and {pods.Count - 1} more pod(s)" : string.Empty)}", profiles, p => !p.IPBlockMatchesPodIPs, CniBehaviour.IPBlockIgnoresPodIPs,
                            "admit pods with podSelector/namespaceSelector peers; keep ipBlock for addresses outside the cluster");
                    }

                    if (nodeAddresses.FirstOrDefault(block.Matches) is { } node)
                    {
                        Report(context, policy, peerPath, $"{block} holds the node address {node}", profiles, p => !p.IPBlockMatchesNodeIPs, CniBehaviour.IPBlockIgnoresNodeIPs,
                            "on Cilium, select nodes with the host/remote-node entities or policy-cidr-match-mode=nodes");
                    }

                    if (rule.Ports.Any(p => p.Name is not null))
                    {
                        Report(context, policy, peerPath, "this ipBlock's rule lists a named port", profiles, p => !p.IPBlockWithNamedPortMatches, CniBehaviour.IPBlockWithNamedPortIgnored,
                            "give the port by number in rules with ipBlock peers");
                    }
                }

                for (var j = 0; j < rule.Ports.Count; j++)
                {
                    var port = rule.Ports[j];
                    var portPath = $"{path}.ports[{j}]";
                    if (port.Protocol == Protocol.SCTP)
                    {
                        Report(context, policy, $"{portPath}.protocol", "an SCTP port", profiles, p => !p.SupportsSctp, CniBehaviour.SctpUnsupported,
                            "enable SCTP in the plugin (Cilium: sctp.enabled=true) or expect SCTP to be dropped");
                    }

                    if (port.EndPort is not null && context.Options.CniNamed)
                    {
                        Report(context, policy, $"{portPath}.endPort", "a port range (endPort)", profiles, p => p.EndPort != FeatureSupport.Supported, CniBehaviour.EndPortVersionDependent,
                            "check the plugin version honours endPort, or list the ports one by one");
                    }

                    if (port.Name is not null && context.Options.CniNamed)
                    {
                        Report(context, policy, $"{portPath}.port", $"the named port {port.Name}", profiles, p => p.NamedPorts != FeatureSupport.Supported, CniBehaviour.NamedPortsUncertain,
                            "give the port by number");
                    }
                }

                if (direction == Direction.Egress && ServiceThroughDnat(context, policy, rule) is { } service)
                {
                    Report(context, policy, path, $"egress to {service}", profiles, p => p.ServicePortMustEqualTargetPort, CniBehaviour.ServicePortMustEqualTargetPort,
                        "make the Service's port equal its targetPort");
                }
            }
        }

        foreach (var policy in context.Cluster.ClusterPolicies)
        {
            var ignoring = profiles.Where(p => !p.Implements(policy)).ToList();
            if (ignoring.Count > 0)
            {
                context.Report(policy, string.Empty,
                    $"{policy.Kind} is not implemented by {Names(ignoring)}: there it has no effect ({Because(ignoring, CniBehaviour.ClusterPolicyKindIgnored)})",
                    policy.Kind == "ClusterNetworkPolicy" ? "on those plugins use their own cluster-wide policy, or NetworkPolicy per namespace" : "migrate to ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2)");
            }
        }
    }

    // The first Service (as "Service ns/name port->targetPort") whose backends the egress rule admits and whose port
    // differs from the target port the rule allows: enforced before DNAT, the connection carries the Service port.
    private static string? ServiceThroughDnat(LintContext context, NetworkPolicy policy, PolicyRule rule)
    {
        if (context.Cluster.Services.Count == 0)
        {
            return null;
        }

        var admitted = new HashSet<Pod>(context.PodsAdmittedBy(policy, rule), ReferenceEqualityComparer.Instance);
        foreach (var service in context.Cluster.Services)
        {
            var backends = context.Cluster.BackendsOf(service).Where(admitted.Contains).ToList();
            if (backends.Count == 0)
            {
                continue;
            }

            foreach (var sp in service.Ports)
            {
                var target = sp.TargetPortName is { } name ? backends[0].Ports.FirstOrDefault(c => c.Name == name && c.Protocol == sp.Protocol)?.Port : sp.TargetPort;
                if (target is { } t && t != sp.Port && Core.Reference.Semantics.PortsOf(rule, Endpoint.ForPod(backends[0])).Contains(t, sp.Protocol))
                {
                    return $"Service {service.FullName} (port {sp.Port}, targetPort {t})";
                }
            }
        }

        return null;
    }

    private static void Report(LintContext context, NetworkPolicy policy, string path, string what, IReadOnlyList<CniProfile> profiles, Func<CniProfile, bool> differs, CniBehaviour behaviour, string fix)
    {
        var on = profiles.Where(differs).ToList();
        if (on.Count == 0)
        {
            return;
        }

        context.Report(policy, path, $"{what}: its meaning differs on {Names(on)} ({Because(on, behaviour)})", fix);
    }

    private static string Names(List<CniProfile> profiles) => string.Join(", ", profiles.Select(p => p.Name));

    private static string Because(List<CniProfile> profiles, CniBehaviour behaviour) =>
        string.Join("; ", profiles.Select(p => p.EvidenceFor(behaviour)?.Reason).OfType<string>().Distinct());
}
