namespace Netpol.Lab.Traffic;

/// <summary>What a real connection attempt showed.</summary>
public enum ProbeVerdict
{
    /// <summary>The packet reached the destination (it answered, or refused because nothing listened).</summary>
    Allowed,

    /// <summary>No answer within the timeout: a rule dropped the packet.</summary>
    Denied,

    /// <summary>The attempt could not be made here (a protocol the kernel lacks, no common address family).</summary>
    Unsupported,
}
