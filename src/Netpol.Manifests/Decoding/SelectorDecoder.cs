using Netpol.Core.Model;
using Netpol.Manifests.Parsing;
using Netpol.Manifests.Validation;

namespace Netpol.Manifests.Decoding;

/// <summary>Decodes and validates a metav1.LabelSelector (matchLabels, matchExpressions) and plain label maps.</summary>
internal static class SelectorDecoder
{
    /// <summary>A selector from a map node; null is returned only when the node itself is absent.</summary>
    public static LabelSelector Decode(DecodeContext ctx, Node node, string path, bool strict)
    {
        if (strict)
        {
            ctx.RejectUnknown(node, path, "matchLabels", "matchExpressions");
        }

        var requirements = new List<LabelRequirement>();
        if (ctx.Map(node, "matchLabels", path) is { } labels)
        {
            var lp = DecodeContext.Join(path, "matchLabels");
            foreach (var e in labels.Entries!)
            {
                ValidateKey(ctx, e, e.Key, $"{lp}");
                var value = e.Value.IsNull ? string.Empty : ctx.StringValue(e.Value, $"{lp}.{e.Key}");
                if (value is null)
                {
                    continue;
                }

                foreach (var msg in ApiValidation.IsValidLabelValue(value))
                {
                    ctx.Error(e.Value, $"{lp}", msg);
                }

                requirements.Add(new LabelRequirement(e.Key, SelectorOperator.In, [value]));
            }
        }

        if (ctx.Sequence(node, "matchExpressions", path) is { } expressions)
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                var r = DecodeRequirement(ctx, expressions[i], $"{path}.matchExpressions[{i}]", strict);
                if (r is not null)
                {
                    requirements.Add(r);
                }
            }
        }

        // matchLabels are ANDed with matchExpressions; order them for stable output.
        return new LabelSelector(requirements);
    }

    /// <summary>Validates the keys and values of metadata.labels.</summary>
    /// <summary>
    /// <c>metadata.annotations</c> as strings (keys are validated where the object's decoder does it); the shared
    /// empty map when there are none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Annotations(DecodeContext ctx, Node? metadata, string path)
    {
        if (metadata is null || metadata.Kind != NodeKind.Map)
        {
            return ObjectMetadata.NoAnnotations;
        }

        var map = ctx.StringMap(metadata, "annotations", path);
        return map is null || map.Count == 0 ? ObjectMetadata.NoAnnotations : map;
    }

    public static Dictionary<string, string> Labels(DecodeContext ctx, Node parent, string path)
    {
        var map = ctx.Map(parent, "labels", path);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        var lp = DecodeContext.Join(path, "labels");
        foreach (var e in map.Entries!)
        {
            ValidateKey(ctx, e, e.Key, lp);
            var value = e.Value.IsNull ? string.Empty : ctx.StringValue(e.Value, $"{lp}.{e.Key}");
            if (value is null)
            {
                continue;
            }

            foreach (var msg in ApiValidation.IsValidLabelValue(value))
            {
                ctx.Error(e.Value, lp, msg);
            }

            result[e.Key] = value;
        }

        return result;
    }

    private static void ValidateKey(DecodeContext ctx, MapEntry e, string key, string path)
    {
        foreach (var msg in ApiValidation.IsQualifiedName(key))
        {
            ctx.Error(e, path, msg);
        }
    }

    private static LabelRequirement? DecodeRequirement(DecodeContext ctx, Node node, string path, bool strict)
    {
        if (node.Kind != NodeKind.Map)
        {
            ctx.Error(node, path, $"must be an object, not {node.Describe()}", "type");
            return null;
        }

        if (strict)
        {
            ctx.RejectUnknown(node, path, "key", "operator", "values");
        }

        var key = ctx.String(node, "key", path);
        var op = ctx.String(node, "operator", path);
        var valuesNode = ctx.Sequence(node, "values", path);
        var values = new List<string>();
        if (valuesNode is not null)
        {
            for (var i = 0; i < valuesNode.Count; i++)
            {
                var v = ctx.StringValue(valuesNode[i], $"{path}.values[{i}]");
                if (v is null)
                {
                    continue;
                }

                foreach (var msg in ApiValidation.IsValidLabelValue(v))
                {
                    ctx.Error(valuesNode[i], $"{path}.values[{i}]", msg);
                }

                values.Add(v);
            }
        }

        var ok = true;
        SelectorOperator parsed = default;
        switch (op)
        {
            case "In" or "NotIn":
                parsed = op == "In" ? SelectorOperator.In : SelectorOperator.NotIn;
                if (values.Count == 0 && (valuesNode is null || valuesNode.Count == 0))
                {
                    ctx.Error(node.Get("operator") ?? node, $"{path}.values", "must be specified when `operator` is 'In' or 'NotIn'");
                    ok = false;
                }

                break;
            case "Exists" or "DoesNotExist":
                parsed = op == "Exists" ? SelectorOperator.Exists : SelectorOperator.DoesNotExist;
                if (valuesNode is { Count: > 0 })
                {
                    ctx.Error(node.Get("values")!, $"{path}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    ok = false;
                }

                break;
            default:
                ctx.Error(node.Get("operator") ?? node, $"{path}.operator", "not a valid selector operator");
                ok = false;
                break;
        }

        if (key is null)
        {
            ctx.Error(node, $"{path}.key", "name part must be non-empty");
            ok = false;
        }
        else
        {
            foreach (var msg in ApiValidation.IsQualifiedName(key))
            {
                ctx.Error(node.Get("key")!, $"{path}.key", msg);
                ok = false;
            }
        }

        return ok ? new LabelRequirement(key!, parsed, values) : null;
    }
}
