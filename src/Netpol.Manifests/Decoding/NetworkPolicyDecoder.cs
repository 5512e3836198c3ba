using System.Net;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;
using Netpol.Manifests.Validation;

namespace Netpol.Manifests.Decoding;

/// <summary>
/// Decodes a networking.k8s.io/v1 NetworkPolicy with the API server's strict field checking, its defaulting
/// (protocol TCP; policyTypes from the rules) and its validation. Returns null when the object is invalid.
/// </summary>
internal static class NetworkPolicyDecoder
{
    public static NetworkPolicy? Decode(DecodeContext ctx, Node root, ObjectHeader header)
    {
        var before = ctx.ErrorCount;
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        ctx.RejectUnknown(root, string.Empty, "apiVersion", "kind", "metadata", "spec", "status");
        if (root.Get("metadata") is { Kind: NodeKind.Map } metadata)
        {
            ctx.RejectUnknown(metadata, "metadata", "name", "namespace", "labels", "annotations", "generateName", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences", "finalizers", "managedFields", "selfLink");
            at["metadata"] = ctx.At(metadata);
            if (ctx.Map(metadata, "annotations", "metadata") is { } annotations)
            {
                at["metadata.annotations"] = ctx.At(annotations);
                foreach (var e in annotations.Entries!)
                {
                    foreach (var msg in ApiValidation.IsQualifiedName(e.Key.ToLowerInvariant()))
                    {
                        ctx.Error(e, "metadata.annotations", msg);
                    }
                }
            }
        }

        var spec = ctx.Map(root, "spec", string.Empty);
        var annotationValues = SelectorDecoder.Annotations(ctx, root.Get("metadata"), "metadata");
        var podSelector = LabelSelector.Everything;
        IReadOnlyList<PolicyRule> ingress = [];
        IReadOnlyList<PolicyRule> egress = [];
        var hasIngress = false;
        var hasEgress = false;
        List<string>? types = null;
        if (spec is not null)
        {
            ctx.RejectUnknown(spec, "spec", "podSelector", "ingress", "egress", "policyTypes");
            at["spec"] = ctx.At(spec);
            foreach (var e in spec.Entries!)
            {
                at[Path("spec." + e.Key)] = new SourceLocation(ctx.File, e.Line, e.Column);
            }

            if (ctx.Map(spec, "podSelector", "spec") is { } ps)
            {
                podSelector = SelectorDecoder.Decode(ctx, ps, "spec.podSelector", strict: true);
            }

            ingress = Rules(ctx, spec, "ingress", "from", at, out hasIngress);
            egress = Rules(ctx, spec, "egress", "to", at, out hasEgress);
            types = PolicyTypes(ctx, spec);
        }

        if (ctx.ErrorCount > before)
        {
            return null;
        }

        // Defaulting as the API server does it: an empty or absent policyTypes means Ingress, plus Egress when the
        // spec has at least one egress rule.
        bool affectsIngress, affectsEgress;
        if (types is null || types.Count == 0)
        {
            affectsIngress = true;
            affectsEgress = hasEgress;
        }
        else
        {
            affectsIngress = types.Contains("Ingress");
            affectsEgress = types.Contains("Egress");
        }

        if (!affectsIngress && hasIngress)
        {
            ctx.Add(Severity.Info, "rules-ignored", ctx.At(spec!.Get("ingress")!), "spec.ingress", "policyTypes omits Ingress: these rules never apply");
        }

        if (!affectsEgress && hasEgress)
        {
            ctx.Add(Severity.Info, "rules-ignored", ctx.At(spec!.Get("egress")!), "spec.egress", "policyTypes omits Egress: these rules never apply");
        }

        return new NetworkPolicy(
            header.Namespace,
            header.Name,
            podSelector,
            affectsIngress,
            affectsEgress,
            affectsIngress ? ingress : [],
            affectsEgress ? egress : [],
            ctx.At(root))
        {
            Annotations = annotationValues,
            DeclaredPolicyTypes = types,
            IgnoredIngress = affectsIngress ? [] : ingress,
            IgnoredEgress = affectsEgress ? [] : egress,
            Locations = at,
        };
    }

    private static List<string>? PolicyTypes(DecodeContext ctx, Node spec)
    {
        if (ctx.Sequence(spec, "policyTypes", "spec") is not { } items)
        {
            return null;
        }

        var result = new List<string>();
        if (items.Count > 2)
        {
            // The API server reports the list as a whole and does not look at its entries.
            ctx.Error(spec.Get("policyTypes")!, "spec.policyTypes", "may not specify more than two policyTypes");
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"spec.policyTypes[{i}]";
            var t = ctx.StringValue(items[i], path);
            if (t is null)
            {
                continue;
            }

            if (t is not ("Ingress" or "Egress"))
            {
                ctx.Error(items[i], path, $"Unsupported value: \"{t}\": supported values: \"Ingress\", \"Egress\"");
                continue;
            }

            result.Add(t);
        }

        return result;
    }

    // Field paths repeat across thousands of policies: share one string per path.
    private static string Path(string path) => string.Intern(path);

    private static List<PolicyRule> Rules(DecodeContext ctx, Node spec, string direction, string peersKey, Dictionary<string, SourceLocation> at, out bool present)
    {
        present = false;
        if (ctx.Sequence(spec, direction, "spec") is not { } items)
        {
            return [];
        }

        present = items.Count > 0;
        var rules = new List<PolicyRule>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = Path($"spec.{direction}[{i}]");
            var node = items[i];
            at[path] = ctx.At(node);
            if (node.IsNull)
            {
                rules.Add(new PolicyRule([], []));
                continue;
            }

            if (node.Kind != NodeKind.Map)
            {
                ctx.Error(node, path, $"must be an object, not {node.Describe()}", "type");
                continue;
            }

            ctx.RejectUnknown(node, path, "ports", peersKey);
            var ports = new List<PolicyPort>();
            if (ctx.Sequence(node, "ports", path) is { } portNodes)
            {
                for (var j = 0; j < portNodes.Count; j++)
                {
                    var portPath = Path($"{path}.ports[{j}]");
                    at[portPath] = ctx.At(portNodes[j]);
                    if (Port(ctx, portNodes[j], portPath) is { } p)
                    {
                        ports.Add(p);
                    }
                }
            }

            var peers = new List<PolicyPeer>();
            if (ctx.Sequence(node, peersKey, path) is { } peerNodes)
            {
                for (var j = 0; j < peerNodes.Count; j++)
                {
                    var peerPath = Path($"{path}.{peersKey}[{j}]");
                    at[peerPath] = ctx.At(peerNodes[j]);
                    if (peerNodes[j].Kind == NodeKind.Map)
                    {
                        foreach (var e in peerNodes[j].Entries!)
                        {
                            at[Path($"{peerPath}.{e.Key}")] = new SourceLocation(ctx.File, e.Line, e.Column);
                            if (e.Value.Kind == NodeKind.Map)
                            {
                                foreach (var inner in e.Value.Entries!)
                                {
                                    at[Path($"{peerPath}.{e.Key}.{inner.Key}")] = new SourceLocation(ctx.File, inner.Line, inner.Column);
                                }
                            }
                        }
                    }

                    if (Peer(ctx, peerNodes[j], peerPath) is { } p)
                    {
                        peers.Add(p);
                    }
                }
            }

            rules.Add(new PolicyRule(peers, ports));
        }

        return rules;
    }

    private static PolicyPort? Port(DecodeContext ctx, Node node, string path)
    {
        if (node.Kind != NodeKind.Map)
        {
            if (!node.IsNull)
            {
                ctx.Error(node, path, $"must be an object, not {node.Describe()}", "type");
                return null;
            }

            return new PolicyPort(Protocol.TCP);
        }

        ctx.RejectUnknown(node, path, "protocol", "port", "endPort");
        var protocol = Protocol.TCP;
        if (ctx.String(node, "protocol", path) is { } protoText)
        {
            switch (protoText)
            {
                case "TCP": protocol = Protocol.TCP; break;
                case "UDP": protocol = Protocol.UDP; break;
                case "SCTP": protocol = Protocol.SCTP; break;
                default:
                    ctx.Error(node.Get("protocol")!, $"{path}.protocol", $"Unsupported value: \"{protoText}\": supported values: \"TCP\", \"UDP\", \"SCTP\"");
                    return null;
            }
        }

        var endPort = ctx.Integer(node, "endPort", path);
        var portNode = node.Get("port");
        if (portNode is null || portNode.IsNull)
        {
            if (endPort is not null)
            {
                ctx.Error(node.Get("endPort")!, $"{path}.endPort", "may not be specified when `port` is not specified");
                return null;
            }

            return new PolicyPort(protocol);
        }

        if (portNode.Kind == NodeKind.Scalar && portNode.ScalarKind == ScalarKind.Integer && DecodeContext.TryInteger(portNode.Text!, out var number))
        {
            var ok = true;
            foreach (var msg in ApiValidation.IsValidPortNum(ClampToInt(number)))
            {
                ctx.Error(portNode, $"{path}.port", msg);
                ok = false;
            }

            if (endPort is { } end)
            {
                if (end < number)
                {
                    ctx.Error(node.Get("endPort")!, $"{path}.endPort", "must be greater than or equal to `port`");
                    ok = false;
                }

                foreach (var msg in ApiValidation.IsValidPortNum(ClampToInt(end)))
                {
                    ctx.Error(node.Get("endPort")!, $"{path}.endPort", msg);
                    ok = false;
                }
            }

            return ok ? new PolicyPort(protocol, (int)number, null, endPort is null ? null : (int)endPort) : null;
        }

        if (portNode.Kind == NodeKind.Scalar && portNode.ScalarKind == ScalarKind.String)
        {
            var name = portNode.Text!;
            if (endPort is not null)
            {
                ctx.Error(node.Get("endPort")!, $"{path}.endPort", "may not be specified when `port` is non-numeric");
                return null;
            }

            var ok = true;
            foreach (var msg in ApiValidation.IsValidPortName(name))
            {
                ctx.Error(portNode, $"{path}.port", msg);
                ok = false;
            }

            return ok ? new PolicyPort(protocol, null, name) : null;
        }

        ctx.Error(portNode, $"{path}.port", $"must be an integer or a port name, not {portNode.Describe()}", "type");
        return null;
    }

    private static int ClampToInt(long v) => (int)Math.Clamp(v, int.MinValue, int.MaxValue);

    private static PolicyPeer? Peer(DecodeContext ctx, Node node, string path)
    {
        if (node.Kind != NodeKind.Map)
        {
            if (node.IsNull)
            {
                ctx.Error(node, path, "must specify a peer");
            }
            else
            {
                ctx.Error(node, path, $"must be an object, not {node.Describe()}", "type");
            }

            return null;
        }

        ctx.RejectUnknown(node, path, "podSelector", "namespaceSelector", "ipBlock");
        var before = ctx.ErrorCount;
        var count = 0;
        LabelSelector? pods = null, namespaces = null;
        IPBlock? block = null;
        if (ctx.Map(node, "podSelector", path) is { } ps)
        {
            count++;
            pods = SelectorDecoder.Decode(ctx, ps, $"{path}.podSelector", strict: true);
        }

        if (ctx.Map(node, "namespaceSelector", path) is { } ns)
        {
            count++;
            namespaces = SelectorDecoder.Decode(ctx, ns, $"{path}.namespaceSelector", strict: true);
        }

        var ipNode = ctx.Map(node, "ipBlock", path);
        if (ipNode is not null)
        {
            count++;
            block = IPBlock(ctx, ipNode, $"{path}.ipBlock");
        }

        if (count == 0)
        {
            ctx.Error(node, path, "must specify a peer");
        }
        else if (count > 1 && ipNode is not null)
        {
            ctx.Error(node, path, "may not specify both ipBlock and another peer");
        }

        return ctx.ErrorCount > before ? null : new PolicyPeer(pods, namespaces, block);
    }

    private static IPBlock? IPBlock(DecodeContext ctx, Node node, string path)
    {
        ctx.RejectUnknown(node, path, "cidr", "except");
        var cidrText = ctx.String(node, "cidr", path);
        IPNetwork? cidr = null;
        if (string.IsNullOrEmpty(cidrText))
        {
            if (node.Get("cidr") is null or { IsNull: true } or { ScalarKind: ScalarKind.String })
            {
                ctx.Error(node.Get("cidr") ?? node, $"{path}.cidr", "Required value");
            }
        }
        else
        {
            var errors = ApiValidation.ValidateCidr(cidrText, out var parsed);
            foreach (var msg in errors)
            {
                ctx.Error(node.Get("cidr")!, $"{path}.cidr", msg);
            }

            if (errors.Count == 0)
            {
                cidr = parsed;
            }
        }

        var excepts = new List<IPNetwork>();
        if (ctx.Sequence(node, "except", path) is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var ep = $"{path}.except[{i}]";
                var text = ctx.StringValue(items[i], ep);
                if (text is null)
                {
                    continue;
                }

                var errors = ApiValidation.ValidateCidr(text, out var ex);
                foreach (var msg in errors)
                {
                    ctx.Error(items[i], ep, msg);
                }

                // The API server checks containment whenever both values parse at all, even when one of them was
                // refused for its form (host bits, leading zeros).
                var subset = string.IsNullOrEmpty(cidrText) ? [] : ApiValidation.ValidateExceptWithinCidr(cidrText, text);
                foreach (var msg in subset)
                {
                    ctx.Error(items[i], ep, msg);
                }

                if (errors.Count == 0 && subset.Count == 0 && cidr is not null)
                {
                    excepts.Add(ex);
                }
            }
        }

        return cidr is { } net ? new IPBlock(net, excepts) : null;
    }
}
