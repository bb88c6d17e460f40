// catalog/contacts.yaml: the organisations to contact, in general and by
// department or region.
#include "catalog/catalog_loader.h"

namespace capsante {

Status CatalogLoader::ReadContactEntry(const Map& m, ContactEntry* out) {
  CAPSANTE_RETURN_IF_ERROR(m.String("nom", &out->name));
  CAPSANTE_RETURN_IF_ERROR(m.String("courriel", &out->email, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("telephone", &out->phone, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("site", &out->website, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("adresse", &out->address, false));
  CAPSANTE_RETURN_IF_ERROR(m.String("note", &out->note, false));
  CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(m, "source", &out->source, true));
  return Status::Ok();
}

Status CatalogLoader::LoadContacts(const std::string& file) {
  yamlutil::Document doc;
  CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &doc));
  const yamlutil::Node root = doc.root();
  Map top(&file, root, "");
  Map orgs(&file, yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(top.Child("organismes", &orgs));
  CAPSANTE_RETURN_IF_ERROR(top.CheckNoUnknownKeys());
  for (const auto& kv : orgs.node()) {
    Organisation org;
    org.id = kv.first.Scalar();
    Map m(&file, kv.second, org.id);
    if (!kv.second.IsMap()) return m.Error(kv.first, "un organisme est un dictionnaire");
    CAPSANTE_RETURN_IF_ERROR(ReadContactEntry(m, &org.general));
    for (const char* key : {"par_departement", "par_region"}) {
      Map sub(&file, yamlutil::Node(), "");
      CAPSANTE_RETURN_IF_ERROR(m.Child(key, &sub, false));
      for (const auto& e : sub.node()) {
        Map em(&file, e.second, org.id + "." + key + "." + e.first.Scalar());
        if (!e.second.IsMap()) return em.Error(e.first, "une entrée de contact est un dictionnaire");
        ContactEntry entry;
        CAPSANTE_RETURN_IF_ERROR(ReadContactEntry(em, &entry));
        CAPSANTE_RETURN_IF_ERROR(em.CheckNoUnknownKeys());
        (std::string(key) == "par_departement" ? org.by_departement : org.by_region)[e.first.Scalar()] = std::move(entry);
      }
    }
    CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());
    c_->organisations_[org.id] = std::move(org);
  }
  return Status::Ok();
}

}  // namespace capsante
