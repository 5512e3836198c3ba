using Netpol.Core.Model;
using Netpol.Manifests.Parsing;

namespace Netpol.Manifests.Decoding;

/// <summary>
/// Reads the parts of a pod spec that matter to NetworkPolicy: container ports and hostNetwork, plus the container
/// images (they tell which network plugin a DaemonSet runs).
/// </summary>
internal static class PodSpecDecoder
{
    public static (List<ContainerPort> Ports, bool HostNetwork, IReadOnlyList<string> Images) Decode(DecodeContext ctx, Node? spec, string path)
    {
        var ports = new List<ContainerPort>();
        if (spec is null)
        {
            return (ports, false, []);
        }

        var hostNetwork = ctx.Boolean(spec, "hostNetwork", path) ?? false;
        List<string>? images = null;
        foreach (var key in (string[])["initContainers", "containers"])
        {
            if (spec.Get(key) is { Kind: NodeKind.Sequence } list)
            {
                foreach (var c in list.Items!)
                {
                    if (c.Kind == NodeKind.Map && c.GetText("image") is { Length: > 0 } image)
                    {
                        (images ??= []).Add(image);
                    }
                }
            }
        }

        if (ctx.Sequence(spec, "containers", path) is { } containers)
        {
            for (var i = 0; i < containers.Count; i++)
            {
                var cp = $"{path}.containers[{i}]";
                if (containers[i].Kind != NodeKind.Map || ctx.Sequence(containers[i], "ports", cp) is not { } items)
                {
                    continue;
                }

                for (var j = 0; j < items.Count; j++)
                {
                    var pp = $"{cp}.ports[{j}]";
                    var item = items[j];
                    if (item.Kind != NodeKind.Map)
                    {
                        continue;
                    }

                    var number = ctx.Integer(item, "containerPort", pp);
                    var name = ctx.String(item, "name", pp);
                    var protoText = ctx.String(item, "protocol", pp) ?? "TCP";
                    if (!Enum.TryParse<Protocol>(protoText, ignoreCase: false, out var protocol) || !Enum.IsDefined(protocol))
                    {
                        ctx.Error(item.Get("protocol")!, $"{pp}.protocol", $"Unsupported value: \"{protoText}\": supported values: \"TCP\", \"UDP\", \"SCTP\"");
                        continue;
                    }

                    if (number is null)
                    {
                        ctx.Error(item, $"{pp}.containerPort", "Required value");
                        continue;
                    }

                    if (number is < 1 or > 65535)
                    {
                        ctx.Error(item.Get("containerPort")!, $"{pp}.containerPort", "must be between 1 and 65535, inclusive");
                        continue;
                    }

                    ports.Add(new ContainerPort(name, (int)number, protocol));
                }
            }
        }

        return (ports, hostNetwork, images is null ? [] : images);
    }
}
