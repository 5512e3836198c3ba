using System.Net;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;
using Netpol.Manifests.Validation;
using M = Netpol.Manifests.Validation.ClusterPolicyMessages;

namespace Netpol.Manifests.Decoding;

/// <summary>
/// Decodes the cluster-scoped policies of policy.networking.k8s.io with their CRD validation:
/// ClusterNetworkPolicy (v1alpha2, v1beta1: tier, priority, Accept/Deny/Pass, <c>protocols</c>), and the legacy
/// v1alpha1 AdminNetworkPolicy (tier Admin; Allow read as Accept) and BaselineAdminNetworkPolicy (tier Baseline,
/// named <c>default</c>, Allow/Deny only), which write ports as <c>ports</c>. Returns null when the object is invalid.
/// </summary>
internal static class ClusterNetworkPolicyDecoder
{
    public const string ClusterNetworkPolicyKind = "ClusterNetworkPolicy";
    public const string AdminKind = "AdminNetworkPolicy";
    public const string BaselineKind = "BaselineAdminNetworkPolicy";

    private static readonly string[] SubjectKeys = ["namespaces", "pods"];
    private static readonly string[] IngressPeerKeys = ["namespaces", "pods"];
    private static readonly string[] EgressPeerKeys = ["namespaces", "pods", "nodes", "networks", "domainNames"];
    private static readonly string[] ProtocolKeys = ["tcp", "udp", "sctp", "destinationNamedPort"];
    private static readonly string[] LegacyPortKeys = ["portNumber", "namedPort", "portRange"];
    private static readonly string[] Tiers = ["Admin", "Baseline"];

    /// <summary>True for the three kinds this decoder reads.</summary>
    public static bool IsKind(string kind) => kind is ClusterNetworkPolicyKind or AdminKind or BaselineKind;

    /// <summary>The apiVersion(s) a kind is served at, for messages.</summary>
    public static string ExpectedApiVersion(string kind) => kind == ClusterNetworkPolicyKind
        ? "policy.networking.k8s.io/v1alpha2, policy.networking.k8s.io/v1beta1 or networking.k8s.aws/v1alpha1"
        : "policy.networking.k8s.io/v1alpha1";

    /// <summary>True when the apiVersion serves the kind.</summary>
    public static bool ApiVersionMatches(string kind, string apiVersion) => kind == ClusterNetworkPolicyKind
        ? apiVersion is "policy.networking.k8s.io/v1alpha2" or "policy.networking.k8s.io/v1beta1" or "networking.k8s.aws/v1alpha1"
        : apiVersion == "policy.networking.k8s.io/v1alpha1";

    public static ClusterNetworkPolicy? Decode(DecodeContext ctx, Node root, ObjectHeader header)
    {
        var before = ctx.ErrorCount;
        var legacy = header.Kind != ClusterNetworkPolicyKind;
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        ctx.RejectUnknown(root, string.Empty, "apiVersion", "kind", "metadata", "spec", "status");
        if (header.Kind == BaselineKind && header.Name != "default")
        {
            ctx.Error(root.Get("metadata")?.Get("name") ?? root, "metadata.name", M.BaselineName, "baseline-name");
        }

        var spec = ctx.Map(root, "spec", string.Empty);
        if (spec is null)
        {
            ctx.Error(root, "spec", M.Required, "required");
            return null;
        }

        at["spec"] = ctx.At(spec);
        string[] specKeys = header.Kind switch
        {
            ClusterNetworkPolicyKind => ["tier", "priority", "subject", "ingress", "egress"],
            AdminKind => ["priority", "subject", "ingress", "egress"],
            _ => ["subject", "ingress", "egress"],
        };
        ctx.RejectUnknown(spec, "spec", specKeys);
        foreach (var e in spec.Entries!)
        {
            at["spec." + e.Key] = new SourceLocation(ctx.File, e.Line, e.Column);
        }

        var tier = header.Kind switch
        {
            AdminKind => ClusterPolicyTier.Admin,
            BaselineKind => ClusterPolicyTier.Baseline,
            _ => Tier(ctx, spec),
        };
        var priority = header.Kind == BaselineKind ? 0 : Priority(ctx, spec);
        var subject = Subject(ctx, spec, legacy);
        // v1beta1 tightens the CIDR type: the network address itself, no host bits (cidr(self) == cidr(self).masked()).
        var masked = header.ApiVersion == "policy.networking.k8s.io/v1beta1";
        var ingress = Rules(ctx, spec, header.Kind, tier, Direction.Ingress, at, masked);
        var egress = Rules(ctx, spec, header.Kind, tier, Direction.Egress, at, masked);
        if (ctx.ErrorCount > before || tier is null || priority is null || subject is null)
        {
            return null;
        }

        return new ClusterNetworkPolicy(header.Name, tier.Value, priority.Value, subject, ingress, egress, ctx.At(root))
        {
            Kind = header.Kind,
            ApiGroup = header.ApiVersion.StartsWith(ClusterNetworkPolicy.AwsGroup + "/", StringComparison.Ordinal) ? ClusterNetworkPolicy.AwsGroup : ClusterNetworkPolicy.UpstreamGroup,
            Locations = at,
        };
    }

    private static ClusterPolicyTier? Tier(DecodeContext ctx, Node spec)
    {
        var text = ctx.String(spec, "tier", "spec");
        if (text is null)
        {
            if (spec.Get("tier") is null or { IsNull: true })
            {
                ctx.Error(spec, "spec.tier", M.Required, "required");
            }

            return null;
        }

        switch (text)
        {
            case "Admin": return ClusterPolicyTier.Admin;
            case "Baseline": return ClusterPolicyTier.Baseline;
            default:
                ctx.Error(spec.Get("tier")!, "spec.tier", M.Unsupported(text, Tiers), "unsupported");
                return null;
        }
    }

    private static int? Priority(DecodeContext ctx, Node spec)
    {
        if (spec.Get("priority") is null or { IsNull: true })
        {
            ctx.Error(spec, "spec.priority", M.Required, "required");
            return null;
        }

        var value = ctx.Integer(spec, "priority", "spec");
        if (value is null)
        {
            return null;
        }

        if (value is < 0 or > M.MaxPriority)
        {
            ctx.Error(spec.Get("priority")!, "spec.priority", M.PriorityRange(value.Value), "priority-range");
            return null;
        }

        return (int)value.Value;
    }

    private static ClusterPolicySubject? Subject(DecodeContext ctx, Node spec, bool legacy)
    {
        var node = ctx.Map(spec, "subject", "spec");
        if (node is null)
        {
            if (spec.Get("subject") is null or { IsNull: true })
            {
                ctx.Error(spec, "spec.subject", M.Required, "required");
            }

            return null;
        }

        ctx.RejectUnknown(node, "spec.subject", SubjectKeys);
        if (!ExactlyOne(ctx, node, "spec.subject", SubjectKeys))
        {
            return null;
        }

        if (ctx.Map(node, "namespaces", "spec.subject") is { } ns)
        {
            return new ClusterPolicySubject(SelectorDecoder.Decode(ctx, ns, "spec.subject.namespaces", strict: true));
        }

        return ctx.Map(node, "pods", "spec.subject") is { } pods && NamespacedPods(ctx, pods, "spec.subject.pods", legacy) is { } sel
            ? new ClusterPolicySubject(sel.Namespaces, sel.Pods)
            : null;
    }

    private static (LabelSelector Namespaces, LabelSelector Pods)? NamespacedPods(DecodeContext ctx, Node node, string path, bool legacy)
    {
        ctx.RejectUnknown(node, path, "namespaceSelector", "podSelector");
        var ok = true;
        var namespaces = LabelSelector.Everything;
        if (ctx.Map(node, "namespaceSelector", path) is { } ns)
        {
            namespaces = SelectorDecoder.Decode(ctx, ns, $"{path}.namespaceSelector", strict: true);
        }
        else if (legacy && node.Get("namespaceSelector") is null or { IsNull: true })
        {
            // The v1alpha1 schema requires both selectors; v1alpha2 defaults the namespace selector to {}.
            ctx.Error(node, $"{path}.namespaceSelector", M.Required, "required");
            ok = false;
        }

        var pods = LabelSelector.Everything;
        if (ctx.Map(node, "podSelector", path) is { } ps)
        {
            pods = SelectorDecoder.Decode(ctx, ps, $"{path}.podSelector", strict: true);
        }
        else if (node.Get("podSelector") is null or { IsNull: true })
        {
            ctx.Error(node, $"{path}.podSelector", M.Required, "required");
            ok = false;
        }

        return ok ? (namespaces, pods) : null;
    }

    /// <summary>Reports a map that sets none or more than one of the fields (the CRD's MinProperties/MaxProperties).</summary>
    private static bool ExactlyOne(DecodeContext ctx, Node node, string path, string[] fields)
    {
        var count = fields.Count(f => node.Get(f) is { IsNull: false });
        if (count == 1)
        {
            return true;
        }

        ctx.Error(node, path, count == 0 ? M.NoneOf(path, fields) : M.MoreThanOne(count, fields), "exactly-one");
        return false;
    }

    private static List<ClusterPolicyRule> Rules(DecodeContext ctx, Node spec, string kind, ClusterPolicyTier? tier, Direction direction, Dictionary<string, SourceLocation> at, bool masked)
    {
        var key = direction == Direction.Ingress ? "ingress" : "egress";
        var peersKey = direction == Direction.Ingress ? "from" : "to";
        var portsKey = kind == ClusterNetworkPolicyKind ? "protocols" : "ports";
        if (ctx.Sequence(spec, key, "spec") is not { } items)
        {
            return [];
        }

        if (items.Count > M.MaxRules)
        {
            ctx.Error(spec.Get(key)!, $"spec.{key}", M.TooMany(items.Count, M.MaxRules), "too-many");
            return [];
        }

        var rules = new List<ClusterPolicyRule>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"spec.{key}[{i}]";
            var node = items[i];
            at[path] = ctx.At(node);
            if (node.Kind != NodeKind.Map)
            {
                ctx.Error(node, path, $"must be an object, not {node.Describe()}", "type");
                continue;
            }

            var before = ctx.ErrorCount;
            ctx.RejectUnknown(node, path, "name", "action", peersKey, portsKey);
            var name = ctx.String(node, "name", path);
            if (name is { Length: > M.MaxRuleName })
            {
                ctx.Error(node.Get("name")!, $"{path}.name", M.TooLong(name.Length, M.MaxRuleName), "too-long");
            }

            var action = Action(ctx, node, path, kind, tier);
            var peers = Peers(ctx, node, path, peersKey, direction, kind != ClusterNetworkPolicyKind, at, masked);
            var ports = kind == ClusterNetworkPolicyKind ? Protocols(ctx, node, path) : LegacyPorts(ctx, node, path);
            if (ports.Any(p => p.NamedPort is not null) && peers.Any(p => !p.IsSelector))
            {
                ctx.Error(node, path, M.NamedPortWithAddressPeer, "named-port-peer");
            }

            if (ctx.ErrorCount == before && action is { } a)
            {
                rules.Add(new ClusterPolicyRule(name, a, peers, ports));
            }
        }

        return rules;
    }

    private static ClusterRuleAction? Action(DecodeContext ctx, Node rule, string path, string kind, ClusterPolicyTier? tier)
    {
        string[] supported = kind switch
        {
            ClusterNetworkPolicyKind => ["Accept", "Deny", "Pass"],
            AdminKind => ["Allow", "Deny", "Pass"],
            _ => ["Allow", "Deny"],
        };
        var text = ctx.String(rule, "action", path);
        if (text is null)
        {
            if (rule.Get("action") is null or { IsNull: true })
            {
                ctx.Error(rule, $"{path}.action", M.Required, "required");
            }

            return null;
        }

        if (Array.IndexOf(supported, text) < 0)
        {
            ctx.Error(rule.Get("action")!, $"{path}.action", M.Unsupported(text, supported), "unsupported");
            return null;
        }

        if (text == "Pass" && tier == ClusterPolicyTier.Baseline)
        {
            ctx.Error(rule.Get("action")!, $"{path}.action", M.PassInBaseline, "pass-in-baseline");
            return null;
        }

        return text switch
        {
            "Accept" or "Allow" => ClusterRuleAction.Accept,
            "Deny" => ClusterRuleAction.Deny,
            _ => ClusterRuleAction.Pass,
        };
    }

    private static List<ClusterPolicyPeer> Peers(DecodeContext ctx, Node rule, string path, string peersKey, Direction direction, bool legacy, Dictionary<string, SourceLocation> at, bool masked)
    {
        var peers = new List<ClusterPolicyPeer>();
        var items = ctx.Sequence(rule, peersKey, path);
        if (items is null || items.Count == 0)
        {
            if (rule.Get(peersKey) is null or { IsNull: true } or { Kind: NodeKind.Sequence })
            {
                ctx.Error(rule.Get(peersKey) ?? rule, $"{path}.{peersKey}", items is null ? M.Required : M.TooFew, items is null ? "required" : "too-few");
            }

            return peers;
        }

        if (items.Count > M.MaxItems)
        {
            ctx.Error(rule.Get(peersKey)!, $"{path}.{peersKey}", M.TooMany(items.Count, M.MaxItems), "too-many");
            return peers;
        }

        var keys = direction == Direction.Ingress ? IngressPeerKeys : EgressPeerKeys;
        for (var j = 0; j < items.Count; j++)
        {
            var peerPath = $"{path}.{peersKey}[{j}]";
            var node = items[j];
            at[peerPath] = ctx.At(node);
            if (node.Kind != NodeKind.Map)
            {
                ctx.Error(node, peerPath, $"must be an object, not {node.Describe()}", "type");
                continue;
            }

            // A field of another peer kind (networks in an ingress rule) is reported once, as unknown.
            var unknownBefore = ctx.ErrorCount;
            ctx.RejectUnknown(node, peerPath, keys);
            if (ctx.ErrorCount > unknownBefore || !ExactlyOne(ctx, node, peerPath, keys))
            {
                continue;
            }

            if (Peer(ctx, node, peerPath, legacy, masked) is { } peer)
            {
                peers.Add(peer);
            }
        }

        return peers;
    }

    private static ClusterPolicyPeer? Peer(DecodeContext ctx, Node node, string path, bool legacy, bool masked)
    {
        var before = ctx.ErrorCount;
        if (ctx.Map(node, "namespaces", path) is { } ns)
        {
            return new ClusterPolicyPeer(NamespaceSelector: SelectorDecoder.Decode(ctx, ns, $"{path}.namespaces", strict: true));
        }

        if (ctx.Map(node, "pods", path) is { } pods)
        {
            // v1alpha1's NamespacedPod requires namespaceSelector in peers as in the subject; v1alpha2 makes it optional.
            return NamespacedPods(ctx, pods, $"{path}.pods", legacy) is { } sel
                ? new ClusterPolicyPeer(NamespaceSelector: sel.Namespaces, PodSelector: sel.Pods)
                : null;
        }

        if (ctx.Map(node, "nodes", path) is { } nodes)
        {
            return new ClusterPolicyPeer(Nodes: SelectorDecoder.Decode(ctx, nodes, $"{path}.nodes", strict: true));
        }

        if (StringList(ctx, node, "networks", path) is { } networks)
        {
            var cidrs = new List<IPNetwork>();
            for (var i = 0; i < networks.Count; i++)
            {
                var (item, text) = networks[i];
                if (text.Length > CelCidr.MaxLength)
                {
                    ctx.Error(item, $"{path}.networks[{i}]", M.TooLongBytes(text.Length, CelCidr.MaxLength), "too-long");
                }
                else if (CelCidr.TryParse(text, out var cidr) && (!masked || CelCidr.IsMasked(text, cidr)))
                {
                    cidrs.Add(cidr);
                }
                else
                {
                    ctx.Error(item, $"{path}.networks[{i}]", M.InvalidCidr(text));
                }
            }

            return ctx.ErrorCount > before ? null : new ClusterPolicyPeer(Networks: cidrs);
        }

        if (StringList(ctx, node, "domainNames", path) is { } domains)
        {
            for (var i = 0; i < domains.Count; i++)
            {
                if (!IsDomainName(domains[i].Text))
                {
                    ctx.Error(domains[i].Node, $"{path}.domainNames[{i}]", M.DomainName(domains[i].Text));
                }
            }

            return ctx.ErrorCount > before ? null : new ClusterPolicyPeer(DomainNames: [.. domains.Select(d => d.Text)]);
        }

        return null;
    }

    /// <summary>A list of 1 to 25 strings, or null (with an error) when it is not one.</summary>
    private static List<(Node Node, string Text)>? StringList(DecodeContext ctx, Node parent, string key, string path)
    {
        if (ctx.Sequence(parent, key, path) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            ctx.Error(parent.Get(key)!, $"{path}.{key}", M.TooFew, "too-few");
            return null;
        }

        if (items.Count > M.MaxItems)
        {
            ctx.Error(parent.Get(key)!, $"{path}.{key}", M.TooMany(items.Count, M.MaxItems), "too-many");
            return null;
        }

        var result = new List<(Node, string)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (ctx.StringValue(items[i], $"{path}.{key}[{i}]") is { } text)
            {
                result.Add((items[i], text));
            }
        }

        return result.Count == items.Count ? result : null;
    }

    private static List<ClusterPolicyPort> Protocols(DecodeContext ctx, Node rule, string path)
    {
        var result = new List<ClusterPolicyPort>();
        if (PortList(ctx, rule, "protocols", path) is not { } items)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var p = $"{path}.protocols[{i}]";
            var node = items[i];
            if (node.Kind != NodeKind.Map)
            {
                ctx.Error(node, p, $"must be an object, not {node.Describe()}", "type");
                continue;
            }

            ctx.RejectUnknown(node, p, ProtocolKeys);
            if (!ExactlyOne(ctx, node, p, ProtocolKeys))
            {
                continue;
            }

            if (node.Get("destinationNamedPort") is { IsNull: false })
            {
                if (NamedPort(ctx, node, "destinationNamedPort", p) is { } named)
                {
                    result.Add(named);
                }

                continue;
            }

            foreach (var (key, protocol) in new[] { ("tcp", Protocol.TCP), ("udp", Protocol.UDP), ("sctp", Protocol.SCTP) })
            {
                if (ctx.Map(node, key, p) is not { } proto)
                {
                    continue;
                }

                var pp = $"{p}.{key}";
                ctx.RejectUnknown(proto, pp, "destinationPort");
                if (ctx.Map(proto, "destinationPort", pp) is not { } dp)
                {
                    ctx.Error(proto, $"{pp}.destinationPort", M.Required, "required");
                    continue;
                }

                var dpp = $"{pp}.destinationPort";
                ctx.RejectUnknown(dp, dpp, "number", "range");
                if (!ExactlyOne(ctx, dp, dpp, ["number", "range"]))
                {
                    continue;
                }

                if (dp.Get("number") is { IsNull: false })
                {
                    if (PortNumber(ctx, dp, "number", dpp) is { } n)
                    {
                        result.Add(new ClusterPolicyPort(protocol, n));
                    }
                }
                else if (ctx.Map(dp, "range", dpp) is { } range)
                {
                    ctx.RejectUnknown(range, $"{dpp}.range", "start", "end");
                    if (Range(ctx, range, $"{dpp}.range", protocol) is { } r)
                    {
                        result.Add(r);
                    }
                }
            }
        }

        return result;
    }

    private static List<ClusterPolicyPort> LegacyPorts(DecodeContext ctx, Node rule, string path)
    {
        var result = new List<ClusterPolicyPort>();
        if (PortList(ctx, rule, "ports", path) is not { } items)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var p = $"{path}.ports[{i}]";
            var node = items[i];
            if (node.Kind != NodeKind.Map)
            {
                ctx.Error(node, p, $"must be an object, not {node.Describe()}", "type");
                continue;
            }

            ctx.RejectUnknown(node, p, LegacyPortKeys);
            if (!ExactlyOne(ctx, node, p, LegacyPortKeys))
            {
                continue;
            }

            if (node.Get("namedPort") is { IsNull: false })
            {
                if (NamedPort(ctx, node, "namedPort", p) is { } named)
                {
                    result.Add(named);
                }
            }
            else if (ctx.Map(node, "portNumber", p) is { } number)
            {
                var np = $"{p}.portNumber";
                ctx.RejectUnknown(number, np, "protocol", "port");
                var protocol = LegacyProtocol(ctx, number, np);
                if (number.Get("port") is null or { IsNull: true })
                {
                    ctx.Error(number, $"{np}.port", M.Required, "required");
                }
                else if (PortNumber(ctx, number, "port", np) is { } n && protocol is { } proto)
                {
                    result.Add(new ClusterPolicyPort(proto, n));
                }
            }
            else if (ctx.Map(node, "portRange", p) is { } range)
            {
                var rp = $"{p}.portRange";
                ctx.RejectUnknown(range, rp, "protocol", "start", "end");
                if (LegacyProtocol(ctx, range, rp) is { } proto && Range(ctx, range, rp, proto) is { } r)
                {
                    result.Add(r);
                }
            }
        }

        return result;
    }

    /// <summary>The rule's port list: absent means every port; present it holds 1 to 25 entries.</summary>
    private static List<Node>? PortList(DecodeContext ctx, Node rule, string key, string path)
    {
        if (ctx.Sequence(rule, key, path) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            ctx.Error(rule.Get(key)!, $"{path}.{key}", M.TooFew, "too-few");
            return null;
        }

        if (items.Count > M.MaxItems)
        {
            ctx.Error(rule.Get(key)!, $"{path}.{key}", M.TooMany(items.Count, M.MaxItems), "too-many");
            return null;
        }

        return items;
    }

    private static Protocol? LegacyProtocol(DecodeContext ctx, Node node, string path)
    {
        var text = ctx.String(node, "protocol", path) ?? "TCP";
        switch (text)
        {
            case "TCP": return Protocol.TCP;
            case "UDP": return Protocol.UDP;
            case "SCTP": return Protocol.SCTP;
            default:
                ctx.Error(node.Get("protocol")!, $"{path}.protocol", M.Unsupported(text, ApiValidation.SupportedProtocols), "unsupported");
                return null;
        }
    }

    private static ClusterPolicyPort? NamedPort(DecodeContext ctx, Node node, string key, string path)
    {
        if (ctx.String(node, key, path) is not { } name)
        {
            return null;
        }

        var ok = true;
        foreach (var msg in ApiValidation.IsValidPortName(name))
        {
            ctx.Error(node.Get(key)!, $"{path}.{key}", msg);
            ok = false;
        }

        return ok ? new ClusterPolicyPort(null, NamedPort: name) : null;
    }

    private static int? PortNumber(DecodeContext ctx, Node node, string key, string path)
    {
        if (node.Get(key) is null or { IsNull: true })
        {
            ctx.Error(node, $"{path}.{key}", M.Required, "required");
            return null;
        }

        if (ctx.Integer(node, key, path) is not { } value)
        {
            return null;
        }

        var errors = ApiValidation.IsValidPortNum((int)Math.Clamp(value, int.MinValue, int.MaxValue));
        foreach (var msg in errors)
        {
            ctx.Error(node.Get(key)!, $"{path}.{key}", msg);
        }

        return errors.Count == 0 ? (int)value : null;
    }

    private static ClusterPolicyPort? Range(DecodeContext ctx, Node range, string path, Protocol protocol)
    {
        var start = PortNumber(ctx, range, "start", path);
        var end = PortNumber(ctx, range, "end", path);
        if (start is null || end is null)
        {
            return null;
        }

        if (start >= end)
        {
            ctx.Error(range, path, M.RangeOrder, "range-order");
            return null;
        }

        return new ClusterPolicyPort(protocol, start, end);
    }

    /// <summary>
    /// A domain name as the CRD accepts it: an optional <c>*.</c> prefix (the wildcard stands for whole labels only),
    /// then at least two dot-separated labels of letters, digits, '-' and '_' that start and end with a letter or
    /// digit, and an optional trailing dot.
    /// </summary>
    private static bool IsDomainName(string value)
    {
        var rest = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        if (rest.EndsWith('.'))
        {
            rest = rest[..^1];
        }

        var labels = rest.Split('.');
        return labels.Length >= 2 && labels.All(IsDomainLabel);
    }

    private static bool IsDomainLabel(string label) =>
        label.Length > 0
        && char.IsAsciiLetterOrDigit(label[0])
        && char.IsAsciiLetterOrDigit(label[^1])
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
