using Netpol.Core;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Cni;

/// <summary>
/// What <c>--cni</c> asked for: one profile (the default, <c>portable</c>, changes nothing) or every profile
/// (<c>--cni all</c>), to compare.
/// </summary>
/// <param name="Profile">The profile to answer for; portable with <c>--cni all</c>.</param>
/// <param name="All">True for <c>--cni all</c>.</param>
public sealed record CniSelection(CniProfile Profile, bool All)
{
    /// <summary>Upstream semantics only: no comparison.</summary>
    public static CniSelection Portable { get; } = new(CniProfiles.Portable, false);

    /// <summary>True when a comparison with upstream semantics is wanted (a plugin profile, or all).</summary>
    public bool Compares => All || !Profile.IsPortable;

    /// <summary>The profiles to compare, portable first: every one for <c>--cni all</c>, else portable and the profile.</summary>
    public IReadOnlyList<CniProfile> Compared => All ? CniProfiles.All : Profile.IsPortable ? [Profile] : [CniProfiles.Portable, Profile];

    /// <summary>
    /// Reads the <c>--cni</c> value of a command that answers for one plugin (<paramref name="task"/> says what it
    /// does, e.g. "a graph is drawn for one network plugin at a time"): <c>all</c> is a user error naming every
    /// profile and where plugins are compared instead.
    /// </summary>
    public static CniProfile ParseOne(string? text, string task)
    {
        var selection = Parse(text);
        if (selection.All)
        {
            var names = string.Join(", ", CniProfiles.Named.Select(p => p.Name));
            throw new NetpolException($"--cni all: {task}; name one profile ({names}), or see where plugins disagree with netpol matrix --cni all or netpol check --cni all");
        }

        return selection.Profile;
    }

    /// <summary>
    /// Reads a <c>--cni</c> value: a profile name (any case) or <c>all</c>. An unknown name is a user error that lists
    /// the names and suggests the nearest.
    /// </summary>
    public static CniSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Portable;
        }

        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return new(CniProfiles.Portable, true);
        }

        if (CniProfiles.Find(text) is { } profile)
        {
            return new(profile, false);
        }

        var names = CniProfiles.Named.Select(p => p.Name).Append("all").ToList();
        var nearest = names.MinBy(n => Naming.EditDistance.Between(n, text.Trim().ToLowerInvariant()))!;
        var hint = Naming.EditDistance.Between(nearest, text.Trim().ToLowerInvariant()) <= 3 ? $" (did you mean \"{nearest}\"?)" : string.Empty;
        throw new NetpolException($"--cni {text}: unknown network plugin profile{hint}; profiles: {string.Join(", ", names)}");
    }
}
