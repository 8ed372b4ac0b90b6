using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Speciosa.Testing;

/// <summary>A second clinic on the same server, to show that one clinic never sees another's records.</summary>
public static class OtherClinic
{
    /// <summary>Creates a new clinic with a clinician of its own and returns that clinician, signed in.</summary>
    public static async Task<HttpClient> ClinicianAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var clinic = new Clinic { Id = Guid.NewGuid(), Name = "Elsewhere Clinic", TimeZone = "UTC", CreatedAt = DateTimeOffset.UtcNow };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();
        var name = "other." + Guid.NewGuid().ToString("N")[..8];
        var (user, _) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(clinic.Id, new NewUser(name, "Other Clinician", null, SpeciosaServer.DemoPassword, [SpeciosaRoles.Clinician]), null, "test");
        Assert.NotNull(user);
        return await server.SignedInClientAsync(name);
    }
}
