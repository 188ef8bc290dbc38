// Participation over time of a known visitor (/bezoekers/{id}/meedoen), for the hosts of their
// centre: where they stand on the Participatieladder and their goal in their own words, written
// down after a talk, only with their consent to it; a refusal is kept so no one asks again, and
// withdrawing deletes every note.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

std::string page_url(VisitorId id) { return "/bezoekers/" + std::to_string(id.value) + "/meedoen"; }

NewParticipationNote note_form(const Params& f) {
  NewParticipationNote in;
  in.rung = f.get("rung");
  in.goal = f.get("goal");
  in.consent = f.get("consent") == "1";
  in.given_by = f.get("given_by");
  in.form = f.get("consent_form");
  return in;
}

std::string rung_label(Ctx& c, int rung) {
  const std::string& lang = c.text_lang();
  const std::string name(label(c, labels::kLadderRungs, std::to_string(rung)));
  return c.views.message_with(lang, "ladder_rung_line",
                              {{"n", std::to_string(rung)}, {"label", name}});
}

Response render(Ctx& c, VisitorId id, json::object extra, int status) {
  auto r = c.app.participation().get(c.user(), id);
  if (!r) return error_page(c, r.error());
  json::object m = std::move(extra);
  m["centre"] = json::object{{"id", r->centre.id.value}, {"name", r->centre.name}};
  m["visitor"] = json::object{{"id", r->visitor.id.value}, {"name", r->visitor.name}};
  m["has_consent"] = r->consent.has_value();
  m["refused"] = r->refused;
  if (r->consent) m["consent_since"] = long_date(c, local_days(r->consent->given_at));
  const auto& p = r->path;
  if (p.latest > 0) {
    m["now_rung"] = rung_label(c, p.latest);
    m["now_since"] = long_date(c, p.latest_day);
    if (p.first != p.latest || p.first_day != p.latest_day) {
      m["first_rung"] = rung_label(c, p.first);
      m["first_day"] = long_date(c, p.first_day);
    }
    m["moved_up"] = p.moved_up();
  }
  if (!p.goal.empty()) m["goal"] = p.goal;
  json::array notes;
  for (const auto& n : r->notes) {
    json::object o{{"day", long_date(c, n.day)}};
    if (n.rung > 0) o["rung"] = rung_label(c, n.rung);
    if (!n.goal.empty()) o["goal"] = n.goal;
    notes.push_back(std::move(o));
  }
  m["has_notes"] = !notes.empty();
  m["notes"] = std::move(notes);
  std::string chosen;
  if (const auto* v = m.if_contains("v"))
    chosen = std::string(v->as_object().at("rung").as_string());
  json::array rungs;
  for (int i = 1; i <= kLadderRungs; ++i) {
    const std::string code = std::to_string(i);
    rungs.push_back(json::object{{"value", code},
                                 {"label", rung_label(c, i)},
                                 {"help", std::string(label(c, labels::kLadderRungHelp, code))},
                                 {"selected", code == chosen}});
  }
  m["rungs"] = std::move(rungs);
  m["no_rung_selected"] = chosen.empty();
  consent_choices(c, m);
  m["consent_text"] = c.t("consent_participation_text");
  m["consent_yes"] = c.t("participation_consent_yes");
  m["saved_text"] = saved_text(c);
  return page(c, "participation/page", std::move(m),
              c.t("participation_title") + " · " + r->visitor.name, status);
}

}  // namespace

json::object participation_summary_json(Ctx& c, VisitorId id) {
  json::object m;
  auto r = c.app.participation().get(c.user(), id);
  if (!r) return m;
  m["has_consent"] = r->consent.has_value();
  if (r->path.latest > 0) m["now_rung"] = rung_label(c, r->path.latest);
  m["moved_up"] = r->path.moved_up();
  if (!r->path.goal.empty()) m["goal"] = r->path.goal;
  return m;
}

Response participation_page(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  return render(c, VisitorId(*id), {}, 200);
}

Response participation_note(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  const auto in = note_form(c.req.form);
  auto done = c.app.participation().note(c.user(), VisitorId(*id), in);
  if (done) return redirect(page_url(VisitorId(*id)) + "?opgeslagen=meedoen");
  const auto& e = done.error();
  if (e.kind != ErrorKind::kInvalid) return error_page(c, e);
  json::object extra;
  extra["error"] = c.t(e.message_key);
  extra["errors"] = field_errors(c, e);
  extra["v"] = json::object{{"rung", in.rung},
                            {"goal", in.goal},
                            {"consent", in.consent},
                            {"given_by", in.given_by},
                            {"form", in.form}};
  return render(c, VisitorId(*id), std::move(extra), 422);
}

Response participation_refuse(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto done = c.app.participation().refuse(c.user(), VisitorId(*id), note_form(c.req.form));
  if (!done) return error_page(c, done.error());
  return redirect(page_url(VisitorId(*id)) + "?opgeslagen=meedoen_nee");
}

Response participation_withdraw(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto done = c.app.participation().withdraw(c.user(), VisitorId(*id));
  if (!done) return error_page(c, done.error());
  return redirect(page_url(VisitorId(*id)) + "?opgeslagen=meedoen_ingetrokken");
}

}  // namespace meedoen::web
