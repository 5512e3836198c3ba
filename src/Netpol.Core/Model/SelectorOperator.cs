namespace Netpol.Core.Model;

/// <summary>The operators of a label selector's matchExpressions.</summary>
public enum SelectorOperator
{
    /// <summary>The label exists and its value is one of the values.</summary>
    In,

    /// <summary>The label is absent, or its value is none of the values.</summary>
    NotIn,

    /// <summary>The label exists, whatever its value.</summary>
    Exists,

    /// <summary>The label is absent.</summary>
    DoesNotExist,
}
