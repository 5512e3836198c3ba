namespace Netpol.Analysis.Matrix;

/// <summary>Which engine computes connectivity.</summary>
public enum EngineKind
{
    /// <summary>The class-based engine built for scale (the default).</summary>
    Fast,

    /// <summary>The literal pair-by-pair reference evaluator.</summary>
    Reference,
}
