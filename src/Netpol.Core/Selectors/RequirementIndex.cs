using Netpol.Core.Model;

namespace Netpol.Core.Selectors;

/// <summary>
/// A set of label requirements, indexed by key, that turns a label map into a sparse truth vector: the sorted ids
/// of the requirements whose truth differs from what they say about an object without the key (In and Exists are
/// false without the key, NotIn and DoesNotExist true). Only keys the object has can differ, so the vector is as
/// short as the object's labels, and per-pod labels that no selector uses never split a class.
/// </summary>
internal sealed class RequirementIndex
{
    private readonly Dictionary<LabelRequirement, int> _ids = [];
    private readonly List<LabelRequirement> _requirements = [];
    // In and NotIn flip only for the listed values: index them by (key, value); Exists and DoesNotExist by key.
    private readonly Dictionary<(string Key, string Value), List<int>> _byKeyValue = [];
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);

    public int Count => _requirements.Count;

    public int Add(LabelRequirement requirement)
    {
        if (_ids.TryGetValue(requirement, out var id))
        {
            return id;
        }

        id = _requirements.Count;
        _requirements.Add(requirement);
        _ids[requirement] = id;
        if (requirement.Operator is SelectorOperator.In or SelectorOperator.NotIn)
        {
            foreach (var value in requirement.Values.Distinct(StringComparer.Ordinal))
            {
                Append(_byKeyValue, (requirement.Key, value), id);
            }
        }
        else
        {
            Append(_byKey, requirement.Key, id);
        }

        return id;
    }

    private static void Append<TKey>(Dictionary<TKey, List<int>> map, TKey key, int id)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(id);
    }

    public int[] Compile(LabelSelector selector)
    {
        var ids = new int[selector.Requirements.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Add(selector.Requirements[i]);
        }

        return ids;
    }

    public static bool DefaultTruth(LabelRequirement r) => r.Operator is SelectorOperator.NotIn or SelectorOperator.DoesNotExist;

    /// <summary>The sparse truth vector of a label map.</summary>
    public int[] Vector(IReadOnlyDictionary<string, string> labels)
    {
        // A requirement differs from its default exactly when: In/NotIn and the value is listed; Exists and
        // DoesNotExist whenever the key is present.
        List<int>? flipped = null;
        if (_requirements.Count == 0)
        {
            return [];
        }

        foreach (var (key, value) in labels)
        {
            if (_byKey.TryGetValue(key, out var ids))
            {
                (flipped ??= []).AddRange(ids);
            }

            if (_byKeyValue.TryGetValue((key, value), out var vids))
            {
                (flipped ??= []).AddRange(vids);
            }
        }

        if (flipped is null)
        {
            return [];
        }

        flipped.Sort();
        return [.. flipped];
    }

    /// <summary>True when every compiled requirement holds for the vector.</summary>
    public bool Matches(int[] compiledSelector, int[] vector)
    {
        foreach (var id in compiledSelector)
        {
            var truth = DefaultTruth(_requirements[id]) ^ (Array.BinarySearch(vector, id) >= 0);
            if (!truth)
            {
                return false;
            }
        }

        return true;
    }
}
