namespace Netpol.Core.Model;

/// <summary>
/// A label selector: every requirement must hold (matchLabels and matchExpressions are ANDed).
/// The empty selector <c>{}</c> has no requirements and matches everything.
/// </summary>
public sealed record LabelSelector(IReadOnlyList<LabelRequirement> Requirements)
{
    /// <summary>The selector <c>{}</c>: matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>True when the selector has no requirements and so matches every object.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>Builds a selector from matchLabels only.</summary>
    public static LabelSelector FromLabels(IReadOnlyDictionary<string, string> matchLabels)
    {
        ArgumentNullException.ThrowIfNull(matchLabels);
        return new(matchLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new LabelRequirement(kv.Key, SelectorOperator.In, [kv.Value]))
            .ToArray());
    }

    /// <summary>True when the labels satisfy every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in Requirements)
        {
            if (!r.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The requirements the labels fail, in order.</summary>
    public IEnumerable<LabelRequirement> Failing(IReadOnlyDictionary<string, string> labels) =>
        Requirements.Where(r => !r.Matches(labels));

    /// <summary>Structural equality.</summary>
    public bool Equals(LabelSelector? other) => other is not null && Requirements.SequenceEqual(other.Requirements);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var r in Requirements)
        {
            h.Add(r);
        }

        return h.ToHashCode();
    }

    /// <summary>kubectl-style text: <c>app=web,tier in (a,b)</c>, or <c>{}</c> for the empty selector.</summary>
    public override string ToString() => IsEmpty ? "{}" : string.Join(",", Requirements);
}
