namespace Netpol.Core.Model;

/// <summary>A Service port: <c>TargetPort</c> is a number, or a container port name when <c>TargetPortName</c> is set.</summary>
public sealed record ServicePort(string? Name, int Port, Protocol Protocol, int TargetPort, string? TargetPortName);
