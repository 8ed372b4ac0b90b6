using Microsoft.EntityFrameworkCore;

namespace Speciosa.Web.Data;

/// <summary>The part of the EF model a feature owns: its entities' tables, keys, indexes and foreign keys.
/// <see cref="SpeciosaDbContext"/> applies every part in this assembly, so the kernel never names a feature;
/// a feature reaches its tables through extension properties on the context that it declares itself.</summary>
public interface IModelPart
{
    void Configure(ModelBuilder modelBuilder);
}
