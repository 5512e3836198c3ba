using System.Text.Json.Nodes;

namespace Netpol.LiveCluster.Snapshots;

/// <summary>
/// Keeps the fields netpol reads and drops the rest: managed fields, resource versions, the last-applied annotation
/// (a copy of the whole object), and pod fields like environment variables that may hold secrets.
/// </summary>
internal static class ObjectTrimmer
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>A new object with <c>apiVersion</c> and <c>kind</c> first, then the kept fields.</summary>
    public static JsonObject Trim(JsonObject item, string kind, string apiVersion)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = Metadata(item["metadata"] as JsonObject),
        };
        switch (kind)
        {
            case "Namespace":
                break;
            case "Node":
                // Only labels and addresses: nodes peers match them. Capacity, images and conditions stay out.
                if (item["status"] is JsonObject nodeStatus && nodeStatus["addresses"] is JsonArray addresses)
                {
                    result["status"] = new JsonObject { ["addresses"] = addresses.DeepClone() };
                }

                break;
            case "Pod":
                result["spec"] = PodSpec(item["spec"] as JsonObject);
                result["status"] = PodStatus(item["status"] as JsonObject);
                break;
            default:
                if (item["spec"] is JsonObject spec)
                {
                    result["spec"] = spec.DeepClone();
                }

                break;
        }

        return result;
    }

    private static JsonObject Metadata(JsonObject? metadata)
    {
        var result = new JsonObject();
        if (metadata is null)
        {
            return result;
        }

        Copy(metadata, result, "name", "namespace", "labels");
        if (metadata["annotations"] is JsonObject annotations)
        {
            var kept = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                if (key != LastApplied)
                {
                    kept[key] = value?.DeepClone();
                }
            }

            if (kept.Count > 0)
            {
                result["annotations"] = kept;
            }
        }

        if (metadata["ownerReferences"] is JsonArray owners)
        {
            var kept = new JsonArray();
            foreach (var owner in owners.OfType<JsonObject>())
            {
                var o = new JsonObject();
                Copy(owner, o, "apiVersion", "kind", "name", "controller");
                kept.Add((JsonNode)o);
            }

            result["ownerReferences"] = kept;
        }

        return result;
    }

    private static JsonObject PodSpec(JsonObject? spec)
    {
        var result = new JsonObject();
        if (spec is null)
        {
            return result;
        }

        Copy(spec, result, "hostNetwork");

        // The node a pod runs on: CNI profiles let traffic from that node through (see docs/cni-profiles.md).
        Copy(spec, result, "nodeName");
        foreach (var key in (string[])["initContainers", "containers"])
        {
            if (spec[key] is not JsonArray containers)
            {
                continue;
            }

            var kept = new JsonArray();
            foreach (var container in containers.OfType<JsonObject>())
            {
                var c = new JsonObject();
                Copy(container, c, "name", "image");
                if (container["ports"] is JsonArray ports)
                {
                    var keptPorts = new JsonArray();
                    foreach (var port in ports.OfType<JsonObject>())
                    {
                        var p = new JsonObject();
                        Copy(port, p, "name", "containerPort", "protocol");
                        keptPorts.Add((JsonNode)p);
                    }

                    c["ports"] = keptPorts;
                }

                kept.Add((JsonNode)c);
            }

            result[key] = kept;
        }

        return result;
    }

    private static JsonObject PodStatus(JsonObject? status)
    {
        var result = new JsonObject();
        if (status is not null)
        {
            Copy(status, result, "phase", "podIP", "podIPs");
        }

        return result;
    }

    private static void Copy(JsonObject from, JsonObject to, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (from.TryGetPropertyValue(key, out var value) && value is not null)
            {
                to[key] = value.DeepClone();
            }
        }
    }
}
