namespace Netpol.Core.Model;

/// <summary>
/// One condition on a label. matchLabels entries become <c>key In (value)</c>.
/// NotIn and DoesNotExist match objects that do not have the key at all.
/// </summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>True when the labels satisfy the requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.In => has && Contains(value!),
            SelectorOperator.NotIn => !has || !Contains(value!),
            SelectorOperator.Exists => has,
            SelectorOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    private bool Contains(string value)
    {
        foreach (var v in Values)
        {
            if (v == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Structural equality (values compared as sets in order).</summary>
    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Key);
        h.Add(Operator);
        foreach (var v in Values)
        {
            h.Add(v);
        }

        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Operator switch
    {
        SelectorOperator.In when Values.Count == 1 => $"{Key}={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn when Values.Count == 1 => $"{Key}!={Values[0]}",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Exists => Key,
        _ => $"!{Key}",
    };
}
