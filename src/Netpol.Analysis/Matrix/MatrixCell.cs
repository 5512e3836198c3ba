using Netpol.Core.Engine;
using Netpol.Core.Model;

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
}
