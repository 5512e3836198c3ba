using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// A connection whose allowed ports changed between base and head: <see cref="Ports"/> are the ports gained (allowed
/// in head, not in base) or lost (allowed in base, not in head), depending on the list it is in.
/// </summary>
public sealed record ConnectionChange(string From, string To, PortSet Ports)
{
    /// <summary>
    /// The cluster network policy rules that decided the change, when a tier decided it (empty when NetworkPolicy or
    /// the default did, and always without cluster network policies on either side).
    /// </summary>
    public IReadOnlyList<TierCause> TierRules { get; init; } = [];
}
