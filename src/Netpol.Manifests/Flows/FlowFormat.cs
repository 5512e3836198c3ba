namespace Netpol.Manifests.Flows;

/// <summary>The flow log formats netpol reads; each file's format is detected from its first line.</summary>
public enum FlowFormat
{
    /// <summary>One JSON object per line, as <c>hubble observe -o json</c> prints (a line starts with <c>{</c>).</summary>
    Hubble,

    /// <summary>Comma-separated <c>src,dst,port,protocol[,count]</c>, with an optional header line.</summary>
    Csv,
}
