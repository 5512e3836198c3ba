using Netpol.Cli;

var color = !Console.IsOutputRedirected
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
    && Environment.GetEnvironmentVariable("TERM") is not "dumb";
return CliApp.Run(args, Console.Out, Console.Error, color: color);
