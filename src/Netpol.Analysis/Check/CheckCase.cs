using Netpol.Analysis.Cni;
using Netpol.Core.Explain;

namespace Netpol.Analysis.Check;

/// <summary>One concrete pair a check resolved to (a Service or workload can stand for several pods).</summary>
public sealed record CheckCase(string? FromVia, string? ToVia, ConnectionExplanation Explanation)
{
    /// <summary>
    /// With <c>--cni</c>: the verdict of each profile compared (portable first, then the profile, or every profile
    /// for <c>--cni all</c>), each with the reasons it differs from portable. Empty without <c>--cni</c>.
    /// </summary>
    public IReadOnlyList<CniVerdict> Profiles { get; init; } = [];

    /// <summary>True when the profiles compared do not all give the same verdict.</summary>
    public bool ProfilesDiffer => Profiles.Select(v => v.Allowed).Distinct().Count() > 1;
}
