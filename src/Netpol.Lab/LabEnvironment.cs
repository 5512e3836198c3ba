using Netpol.Lab.Network;

namespace Netpol.Lab;

/// <summary>Whether this machine can run the lab.</summary>
public static class LabEnvironment
{
    /// <summary>Why the lab cannot run here (not Linux, not root, no <c>ip</c> or <c>nft</c>), or null when it can.</summary>
    public static string? Unavailable() => LabTools.Unavailable();
}
