using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Matrix;

/// <summary>
/// One cell: from a row to a column on a probe (or on any port when <see cref="Probe"/> is null, with the allowed
/// ports listed). <see cref="Partial"/> marks a workload cell where some pod pairs are allowed and others not.
/// </summary>
public sealed record MatrixCell(string From, string To, Probe? Probe, bool Allowed, bool Partial, PortSet Ports)
{
    /// <summary>
    /// Why the verdict is unknown (set only by <c>netpol lab</c>, for a probe that could not be made there, such as
    /// SCTP on a kernel without it); then <see cref="Allowed"/> is false but means nothing.
    /// </summary>
    public string? Unsupported { get; init; }

    /// <summary>
    /// Under a network plugin profile (<c>--cni</c>), the verdict upstream semantics give, set only where it differs
    /// from <see cref="Allowed"/>/<see cref="Ports"/>; null otherwise.
    /// </summary>
    public bool? PortableAllowed { get; init; }

    /// <summary>The ports upstream semantics allow, set with <see cref="PortableAllowed"/>.</summary>
    public PortSet? PortablePorts { get; init; }

    /// <summary>Why the profile's verdict differs from upstream semantics (empty where it does not).</summary>
    public IReadOnlyList<ProfileEvidence> CniReasons { get; init; } = [];
}
