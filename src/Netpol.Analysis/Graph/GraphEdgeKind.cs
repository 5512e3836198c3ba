namespace Netpol.Analysis.Graph;

/// <summary>What an edge of the graph says about a flow.</summary>
public enum GraphEdgeKind
{
    /// <summary>Policies allow the flow on the edge's ports.</summary>
    Allowed,

    /// <summary>
    /// Every port is allowed because no policy restricts either end: the source is not isolated for egress and the
    /// destination not for ingress. Drawn only on request, since such edges connect everything open to everything.
    /// </summary>
    Open,

    /// <summary>
    /// A flow people probably expect that policies block: the source already talks to the destination's namespace,
    /// and another node of the source's namespace reaches the destination on ports it serves (or a Service fronts it
    /// on them), yet nothing from the source to the destination is allowed.
    /// </summary>
    Denied,
}
