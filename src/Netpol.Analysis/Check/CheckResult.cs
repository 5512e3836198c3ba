using Netpol.Core.Model;

namespace Netpol.Analysis.Check;

/// <summary>The answer to "can FROM reach TO on PORT?": allowed only when every resolved pair is allowed.</summary>
public sealed record CheckResult(string From, string To, int? Port, Protocol Protocol, IReadOnlyList<CheckCase> Cases)
{
    /// <summary>The network plugin profile asked for (<c>--cni</c>): a profile name, <c>all</c>, or null for portable.</summary>
    public string? Cni { get; init; }

    /// <summary>
    /// True when every resolved pair is allowed: under the profile asked for, or with <c>--cni all</c> under every
    /// profile.
    /// </summary>
    public bool Allowed => Cni == "all"
        ? Cases.All(c => c.Profiles.All(v => v.Allowed))
        : Cases.All(c => c.Explanation.Allowed);
}
