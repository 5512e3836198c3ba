using System.Net;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;
using Netpol.Manifests.Validation;

namespace Netpol.Manifests.Decoding;

/// <summary>
/// Turns parsed documents into model objects: Namespace, Pod, NetworkPolicy, Service, the workload kinds
/// (their pod template becomes one synthetic pod) and the cluster-scoped policies (ClusterNetworkPolicy and the
/// legacy AdminNetworkPolicy and BaselineAdminNetworkPolicy), expanding <c>kind: List</c> and the <c>*List</c> kinds.
/// Other kinds are skipped with a note (an error with <c>strict</c>).
/// </summary>
internal sealed class ManifestDecoder
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly bool _strict;
    private readonly Dictionary<(string Kind, string Ns, string Name), SourceLocation> _seen = [];

    public ManifestDecoder(List<Diagnostic> diagnostics, bool strict)
    {
        _diagnostics = diagnostics;
        _strict = strict;
    }

    public List<Namespace> Namespaces { get; } = [];

    public List<Pod> Pods { get; } = [];

    public List<NetworkPolicy> Policies { get; } = [];

    public List<Service> Services { get; } = [];

    public List<ClusterNetworkPolicy> ClusterPolicies { get; } = [];

    public List<ClusterNode> Nodes { get; } = [];

    public void Decode(ParsedDocument doc)
    {
        var ctx = new DecodeContext(doc.File, _diagnostics);
        var root = doc.Root;
        if (root.Kind != NodeKind.Map)
        {
            ctx.Add(Severity.Error, "syntax", ctx.At(root), null, $"a manifest must be an object, not {root.Describe()}");
            return;
        }

        var kind = ctx.String(root, "kind", string.Empty);
        var apiVersion = ctx.String(root, "apiVersion", string.Empty) ?? string.Empty;
        if (kind is null)
        {
            if (root.Get("kind") is null)
            {
                ctx.Error(root, "kind", "Object 'Kind' is missing", "missing-kind");
            }

            return;
        }

        if (kind == "List" || (kind.EndsWith("List", StringComparison.Ordinal) && root.Get("items") is not null))
        {
            if (ctx.Sequence(root, "items", string.Empty) is { } items)
            {
                foreach (var item in items)
                {
                    Decode(new ParsedDocument(doc.File, item));
                }
            }

            return;
        }

        if (!IsKnown(kind))
        {
            var severity = _strict ? Severity.Error : Severity.Info;
            var name = root.Get("metadata")?.GetText("name");
            ctx.Add(severity, "skipped-kind", ctx.At(root), null, $"skipped {kind}{(name is null ? string.Empty : " " + name)}: netpol reads Namespace, Pod, Service, NetworkPolicy and workloads");
            return;
        }

        if (!ApiVersionMatches(kind, apiVersion))
        {
            ctx.Error(root.Get("apiVersion") ?? root, "apiVersion", $"no matches for kind \"{kind}\" in version \"{apiVersion}\" (expected {ExpectedApiVersion(kind)})", "api-version");
            return;
        }

        var header = Header(ctx, root, kind, apiVersion);
        if (header is null)
        {
            return;
        }

        ctx.ObjectRef = header.Ref;
        var key = (kind, header.Namespace, header.Name);
        var here = ctx.At(root);
        if (_seen.TryGetValue(key, out var first))
        {
            ctx.Add(Severity.Error, "duplicate-object", here, null, $"defined twice: first at {first}");
            return;
        }

        _seen[key] = here;
        switch (kind)
        {
            case "Namespace":
                Namespaces.Add(new Namespace(header.Name, SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata"), here)
                {
                    Annotations = SelectorDecoder.Annotations(ctx, root.Get("metadata"), "metadata"),
                });
                break;
            case "NetworkPolicy":
                SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata");
                if (NetworkPolicyDecoder.Decode(ctx, root, header) is { } policy)
                {
                    Policies.Add(policy);
                }

                break;
            case ClusterNetworkPolicyDecoder.ClusterNetworkPolicyKind or ClusterNetworkPolicyDecoder.AdminKind or ClusterNetworkPolicyDecoder.BaselineKind:
                SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata");
                if (ClusterNetworkPolicyDecoder.Decode(ctx, root, header) is { } clusterPolicy)
                {
                    ClusterPolicies.Add(clusterPolicy);
                }

                break;
            case "Node":
                DecodeNode(ctx, root, header, here);
                break;
            case "Pod":
                DecodePod(ctx, root, header, here);
                break;
            case "Service":
                DecodeService(ctx, root, header, here);
                break;
            default:
                DecodeWorkload(ctx, root, header, here);
                break;
        }
    }

    private static bool IsKnown(string kind) =>
        kind is "Namespace" or "Pod" or "NetworkPolicy" or "Service" or "Node" || WorkloadKinds.ByKind.ContainsKey(kind)
        || ClusterNetworkPolicyDecoder.IsKind(kind);

    private static string ExpectedApiVersion(string kind) => kind switch
    {
        "NetworkPolicy" => "networking.k8s.io/v1",
        "Namespace" or "Pod" or "Service" or "Node" => "v1",
        _ when ClusterNetworkPolicyDecoder.IsKind(kind) => ClusterNetworkPolicyDecoder.ExpectedApiVersion(kind),
        _ => WorkloadKinds.ByKind[kind].ApiVersion,
    };

    private static bool ApiVersionMatches(string kind, string apiVersion) => ClusterNetworkPolicyDecoder.IsKind(kind)
        ? ClusterNetworkPolicyDecoder.ApiVersionMatches(kind, apiVersion)
        : apiVersion == ExpectedApiVersion(kind);

    private static ObjectHeader? Header(DecodeContext ctx, Node root, string kind, string apiVersion)
    {
        var metadata = ctx.Map(root, "metadata", string.Empty);
        if (metadata is null)
        {
            ctx.ObjectRef = kind;
            ctx.Error(root, "metadata.name", "name or generateName is required", "required");
            return null;
        }

        var name = ctx.String(metadata, "name", "metadata");
        var clusterScoped = kind is "Namespace" or "Node" || ClusterNetworkPolicyDecoder.IsKind(kind);
        var ns = clusterScoped ? string.Empty : ctx.String(metadata, "namespace", "metadata") ?? "default";
        ctx.ObjectRef = name is null ? kind : new ObjectHeader(apiVersion, kind, ns, name).Ref;
        var ok = true;
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error(metadata, "metadata.name", "name or generateName is required", "required");
            return null;
        }

        var nameErrors = kind == "Namespace" ? ApiValidation.IsDns1123Label(name) : NameErrors(kind, name);
        foreach (var msg in nameErrors)
        {
            ctx.Error(metadata.Get("name")!, "metadata.name", msg);
            ok = false;
        }

        if (!clusterScoped)
        {
            foreach (var msg in ApiValidation.IsDns1123Label(ns))
            {
                ctx.Error(metadata.Get("namespace") ?? metadata, "metadata.namespace", msg);
                ok = false;
            }
        }

        return ok ? new ObjectHeader(apiVersion, kind, ns, name) : null;
    }

    private static IReadOnlyList<string> NameErrors(string kind, string name) =>
        kind is "Service" ? ApiValidation.IsDns1123Label(name) : ApiValidation.IsDns1123Subdomain(name);

    /// <summary>
    /// A Node: its labels and the IP addresses in <c>status.addresses</c> (Hostname entries and other non-IP values
    /// are left out), which the <c>nodes</c> peers of cluster network policies select.
    /// </summary>
    private void DecodeNode(DecodeContext ctx, Node root, ObjectHeader header, SourceLocation here)
    {
        var before = ctx.ErrorCount;
        var labels = SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata");
        var addresses = new List<IPAddress>();
        if (ctx.Map(root, "status", string.Empty) is { } status && ctx.Sequence(status, "addresses", "status") is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Kind == NodeKind.Map
                    && ctx.String(items[i], "address", $"status.addresses[{i}]") is { } text
                    && IPAddress.TryParse(text, out var ip)
                    && !text.Contains('/', StringComparison.Ordinal)
                    && !addresses.Contains(ip))
                {
                    addresses.Add(ip);
                }
            }
        }

        if (ctx.ErrorCount == before)
        {
            Nodes.Add(new ClusterNode(header.Name, labels, addresses, here));
        }
    }

    private void DecodePod(DecodeContext ctx, Node root, ObjectHeader header, SourceLocation here)
    {
        var before = ctx.ErrorCount;
        var metadata = root.Get("metadata")!;
        var labels = SelectorDecoder.Labels(ctx, metadata, "metadata");
        var annotations = SelectorDecoder.Annotations(ctx, metadata, "metadata");
        var spec = ctx.Map(root, "spec", string.Empty);
        var (ports, hostNetwork, images) = PodSpecDecoder.Decode(ctx, spec, "spec");
        var nodeName = spec is null ? null : ctx.String(spec, "nodeName", "spec");
        var ips = new List<IPAddress>();
        if (ctx.Map(root, "status", string.Empty) is { } status)
        {
            if (ctx.String(status, "podIP", "status") is { } ipText)
            {
                AddIP(ctx, status.Get("podIP")!, "status.podIP", ipText, ips);
            }

            if (ctx.Sequence(status, "podIPs", "status") is { } list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i].Kind == NodeKind.Map && ctx.String(list[i], "ip", $"status.podIPs[{i}]") is { } t)
                    {
                        AddIP(ctx, list[i].Get("ip")!, $"status.podIPs[{i}].ip", t, ips);
                    }
                }
            }
        }

        if (ctx.ErrorCount > before)
        {
            return;
        }

        Pods.Add(new Pod(header.Namespace, header.Name, labels, ips, ports, hostNetwork, null, here)
        {
            Owner = OwnerOf(ctx, metadata, labels),
            Annotations = annotations,
            Images = images,
            NodeName = nodeName,
        });
    }

    private static void AddIP(DecodeContext ctx, Node node, string path, string text, List<IPAddress> ips)
    {
        if (!IPAddress.TryParse(text, out var ip) || text.Contains('/', StringComparison.Ordinal))
        {
            ctx.Error(node, path, $"must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), got \"{text}\"");
            return;
        }

        if (!ips.Contains(ip))
        {
            ips.Add(ip);
        }
    }

    private static string? OwnerOf(DecodeContext ctx, Node metadata, Dictionary<string, string> labels)
    {
        if (ctx.Sequence(metadata, "ownerReferences", "metadata") is not { } owners)
        {
            return null;
        }

        foreach (var o in owners)
        {
            if (o.Kind != NodeKind.Map || o.GetText("kind") is not { } kind || o.GetText("name") is not { } name)
            {
                continue;
            }

            // A ReplicaSet named <deployment>-<pod-template-hash> belongs to that Deployment.
            if (kind == "ReplicaSet" && labels.TryGetValue("pod-template-hash", out var hash) && name.EndsWith("-" + hash, StringComparison.Ordinal))
            {
                return "deploy/" + name[..^(hash.Length + 1)];
            }

            if (WorkloadKinds.ByKind.TryGetValue(kind, out var k))
            {
                return $"{k.Short}/{name}";
            }
        }

        return null;
    }

    private void DecodeWorkload(DecodeContext ctx, Node root, ObjectHeader header, SourceLocation here)
    {
        var before = ctx.ErrorCount;
        SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata");
        var annotations = SelectorDecoder.Annotations(ctx, root.Get("metadata"), "metadata");
        var spec = ctx.Map(root, "spec", string.Empty);
        var path = "spec";
        if (header.Kind == "CronJob" && spec is not null)
        {
            spec = ctx.Map(spec, "jobTemplate", "spec") is { } jt ? ctx.Map(jt, "spec", "spec.jobTemplate") : null;
            path = "spec.jobTemplate.spec";
        }

        var template = spec is null ? null : ctx.Map(spec, "template", path);
        var tpath = $"{path}.template";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        (List<ContainerPort> Ports, bool HostNetwork, IReadOnlyList<string> Images) podSpec = ([], false, []);
        if (template is not null)
        {
            if (ctx.Map(template, "metadata", tpath) is { } tm)
            {
                labels = SelectorDecoder.Labels(ctx, tm, $"{tpath}.metadata");
                var templateAnnotations = SelectorDecoder.Annotations(ctx, tm, $"{tpath}.metadata");
                if (templateAnnotations.Count > 0)
                {
                    // The workload's own annotations and its template's both describe the pods; the template wins.
                    var merged = new Dictionary<string, string>(annotations, StringComparer.Ordinal);
                    foreach (var (k, v) in templateAnnotations)
                    {
                        merged[k] = v;
                    }

                    annotations = merged;
                }
            }

            podSpec = PodSpecDecoder.Decode(ctx, ctx.Map(template, "spec", tpath), $"{tpath}.spec");
        }
        else
        {
            ctx.Add(Severity.Warning, "no-template", here, tpath, "has no pod template: its pods have no labels");
        }

        if (ctx.ErrorCount > before)
        {
            return;
        }

        var shortName = WorkloadKinds.ByKind[header.Kind].Short;
        var name = $"{shortName}/{header.Name}";
        Pods.Add(new Pod(header.Namespace, name, labels, [], podSpec.Ports, podSpec.HostNetwork, header.Kind, here)
        {
            Owner = name,
            Annotations = annotations,
            Images = podSpec.Images,
        });
    }

    private void DecodeService(DecodeContext ctx, Node root, ObjectHeader header, SourceLocation here)
    {
        var before = ctx.ErrorCount;
        SelectorDecoder.Labels(ctx, root.Get("metadata")!, "metadata");
        var annotations = SelectorDecoder.Annotations(ctx, root.Get("metadata"), "metadata");
        var spec = ctx.Map(root, "spec", string.Empty);
        Dictionary<string, string>? selector = null;
        var ports = new List<ServicePort>();
        if (spec is not null)
        {
            selector = ctx.StringMap(spec, "selector", "spec");
            if (ctx.Sequence(spec, "ports", "spec") is { } items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var pp = $"spec.ports[{i}]";
                    var item = items[i];
                    if (item.Kind != NodeKind.Map)
                    {
                        continue;
                    }

                    var port = ctx.Integer(item, "port", pp);
                    var protoText = ctx.String(item, "protocol", pp) ?? "TCP";
                    if (!Enum.TryParse<Protocol>(protoText, ignoreCase: false, out var protocol) || !Enum.IsDefined(protocol))
                    {
                        ctx.Error(item.Get("protocol")!, $"{pp}.protocol", $"Unsupported value: \"{protoText}\": supported values: \"TCP\", \"UDP\", \"SCTP\"");
                        continue;
                    }

                    if (port is null or < 1 or > 65535)
                    {
                        ctx.Error(item.Get("port") ?? item, $"{pp}.port", "must be between 1 and 65535, inclusive");
                        continue;
                    }

                    var target = item.Get("targetPort");
                    int targetNumber = (int)port;
                    string? targetName = null;
                    if (target is { IsNull: false })
                    {
                        if (target.ScalarKind == ScalarKind.Integer && DecodeContext.TryInteger(target.Text!, out var t))
                        {
                            targetNumber = (int)t;
                        }
                        else if (target.ScalarKind == ScalarKind.String)
                        {
                            targetName = target.Text;
                        }
                    }

                    ports.Add(new ServicePort(ctx.String(item, "name", pp), (int)port, protocol, targetNumber, targetName));
                }
            }
        }

        if (ctx.ErrorCount == before)
        {
            Services.Add(new Service(header.Namespace, header.Name, selector, ports, here) { Annotations = annotations });
        }
    }
}
