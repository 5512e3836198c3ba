namespace Netpol.Core.Model;

/// <summary>The direction a policy isolates: traffic into the selected pods, or out of them.</summary>
public enum Direction
{
    /// <summary>Traffic into the selected pods.</summary>
    Ingress,

    /// <summary>Traffic out of the selected pods.</summary>
    Egress,
}
