using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>The verdict on one connection and the reasoning for it, per direction.</summary>
public sealed record ConnectionExplanation(
    Endpoint From,
    Endpoint To,
    int Port,
    Protocol Protocol,
    bool Allowed,
    bool SamePod,
    DirectionExplanation Egress,
    DirectionExplanation Ingress,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Suggestions);
