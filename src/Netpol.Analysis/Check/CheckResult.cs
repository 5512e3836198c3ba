using Netpol.Core.Model;

namespace Netpol.Analysis.Check;

/// <summary>The answer to "can FROM reach TO on PORT?": allowed only when every resolved pair is allowed.</summary>
public sealed record CheckResult(string From, string To, int? Port, Protocol Protocol, IReadOnlyList<CheckCase> Cases)
{
    /// <summary>True when every resolved pair is allowed.</summary>
    public bool Allowed => Cases.All(c => c.Explanation.Allowed);
}
