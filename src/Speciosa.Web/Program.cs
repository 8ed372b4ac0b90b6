using Speciosa.Web;
using Speciosa.Web.Audit;

if (args.Length > 0 && args[0] == "verify-audit")
{
    return await AuditCommand.RunAsync(args[1..], Console.Out);
}

var app = SpeciosaApp.Build(args);
await SpeciosaApp.InitializeAsync(app, Console.Out);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the tests.</summary>
public partial class Program;
