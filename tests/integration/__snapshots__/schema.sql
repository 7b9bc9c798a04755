CREATE TRIGGER "audit_app_user_hapus" AFTER DELETE ON "app_user" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'app_user' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'username', OLD."username", 'full_name', OLD."full_name", 'role', OLD."role", 'password_hash', CASE WHEN OLD."password_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(OLD."password_hash"), 1, 8) || ']' END, 'active', OLD."active", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'must_change_password', OLD."must_change_password") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_app_user_tambah" AFTER INSERT ON "app_user" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'app_user' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'username', NEW."username", 'full_name', NEW."full_name", 'role', NEW."role", 'password_hash', CASE WHEN NEW."password_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(NEW."password_hash"), 1, 8) || ']' END, 'active', NEW."active", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'must_change_password', NEW."must_change_password") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_app_user_ubah" AFTER UPDATE ON "app_user" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."username" IS NOT NEW."username" OR OLD."full_name" IS NOT NEW."full_name" OR OLD."role" IS NOT NEW."role" OR OLD."password_hash" IS NOT NEW."password_hash" OR OLD."active" IS NOT NEW."active" OR OLD."created_at" IS NOT NEW."created_at" OR OLD."updated_at" IS NOT NEW."updated_at" OR OLD."must_change_password" IS NOT NEW."must_change_password") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'app_user' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'username', OLD."username", 'full_name', OLD."full_name", 'role', OLD."role", 'password_hash', CASE WHEN OLD."password_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(OLD."password_hash"), 1, 8) || ']' END, 'active', OLD."active", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'must_change_password', OLD."must_change_password") AS b, json_object('id', NEW."id", 'username', NEW."username", 'full_name', NEW."full_name", 'role', NEW."role", 'password_hash', CASE WHEN NEW."password_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(NEW."password_hash"), 1, 8) || ']' END, 'active', NEW."active", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'must_change_password', NEW."must_change_password") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_appointment_hapus" AFTER DELETE ON "appointment" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'appointment' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'unit_id', OLD."unit_id", 'date', OLD."date", 'note', OLD."note", 'status', OLD."status", 'visit_id', OLD."visit_id", 'created_by', OLD."created_by", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_appointment_tambah" AFTER INSERT ON "appointment" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'appointment' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'unit_id', NEW."unit_id", 'date', NEW."date", 'note', NEW."note", 'status', NEW."status", 'visit_id', NEW."visit_id", 'created_by', NEW."created_by", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_appointment_ubah" AFTER UPDATE ON "appointment" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."date" IS NOT NEW."date" OR OLD."note" IS NOT NEW."note" OR OLD."status" IS NOT NEW."status" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."created_by" IS NOT NEW."created_by" OR OLD."created_at" IS NOT NEW."created_at" OR OLD."updated_at" IS NOT NEW."updated_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'appointment' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('id', OLD."id", 'patient_id', OLD."patient_id", 'unit_id', OLD."unit_id", 'date', OLD."date", 'note', OLD."note", 'status', OLD."status", 'visit_id', OLD."visit_id", 'created_by', OLD."created_by", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at") AS b, json_object('id', NEW."id", 'patient_id', NEW."patient_id", 'unit_id', NEW."unit_id", 'date', NEW."date", 'note', NEW."note", 'status', NEW."status", 'visit_id', NEW."visit_id", 'created_by', NEW."created_by", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_cash_day_hapus" AFTER DELETE ON "cash_day" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'cash_day' AS entity, CAST(OLD."date" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('date', OLD."date", 'closed_at', OLD."closed_at", 'closed_by', OLD."closed_by", 'payments', OLD."payments", 'amount', OLD."amount", 'voids', OLD."voids") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_cash_day_tambah" AFTER INSERT ON "cash_day" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'cash_day' AS entity, CAST(NEW."date" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('date', NEW."date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'payments', NEW."payments", 'amount', NEW."amount", 'voids', NEW."voids") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_cash_day_ubah" AFTER UPDATE ON "cash_day" WHEN loket_audit_rows() AND (OLD."date" IS NOT NEW."date" OR OLD."closed_at" IS NOT NEW."closed_at" OR OLD."closed_by" IS NOT NEW."closed_by" OR OLD."payments" IS NOT NEW."payments" OR OLD."amount" IS NOT NEW."amount" OR OLD."voids" IS NOT NEW."voids") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'cash_day' AS entity, CAST(NEW."date" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('date', OLD."date", 'closed_at', OLD."closed_at", 'closed_by', OLD."closed_by", 'payments', OLD."payments", 'amount', OLD."amount", 'voids', OLD."voids") AS b, json_object('date', NEW."date", 'closed_at', NEW."closed_at", 'closed_by', NEW."closed_by", 'payments', NEW."payments", 'amount', NEW."amount", 'voids', NEW."voids") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_item_hapus" AFTER DELETE ON "completeness_item" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'completeness_item' AS entity, CAST(OLD."review_id" || ':' || OLD."item" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('review_id', OLD."review_id", 'item', OLD."item", 'present', OLD."present") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_item_tambah" AFTER INSERT ON "completeness_item" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'completeness_item' AS entity, CAST(NEW."review_id" || ':' || NEW."item" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('review_id', NEW."review_id", 'item', NEW."item", 'present', NEW."present") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_item_ubah" AFTER UPDATE ON "completeness_item" WHEN loket_audit_rows() AND (OLD."review_id" IS NOT NEW."review_id" OR OLD."item" IS NOT NEW."item" OR OLD."present" IS NOT NEW."present") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'completeness_item' AS entity, CAST(NEW."review_id" || ':' || NEW."item" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('review_id', OLD."review_id", 'item', OLD."item", 'present', OLD."present") AS b, json_object('review_id', NEW."review_id", 'item', NEW."item", 'present', NEW."present") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_review_hapus" AFTER DELETE ON "completeness_review" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'completeness_review' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'folder_id', OLD."folder_id", 'unit_id', OLD."unit_id", 'visit_id', OLD."visit_id", 'practitioner_id', OLD."practitioner_id", 'period', OLD."period", 'reviewed_at', OLD."reviewed_at", 'reviewed_by', OLD."reviewed_by", 'complete', OLD."complete", 'resolves_review_id', OLD."resolves_review_id", 'resolved_at', OLD."resolved_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_review_tambah" AFTER INSERT ON "completeness_review" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'completeness_review' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'folder_id', NEW."folder_id", 'unit_id', NEW."unit_id", 'visit_id', NEW."visit_id", 'practitioner_id', NEW."practitioner_id", 'period', NEW."period", 'reviewed_at', NEW."reviewed_at", 'reviewed_by', NEW."reviewed_by", 'complete', NEW."complete", 'resolves_review_id', NEW."resolves_review_id", 'resolved_at', NEW."resolved_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_completeness_review_ubah" AFTER UPDATE ON "completeness_review" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."folder_id" IS NOT NEW."folder_id" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."practitioner_id" IS NOT NEW."practitioner_id" OR OLD."period" IS NOT NEW."period" OR OLD."reviewed_at" IS NOT NEW."reviewed_at" OR OLD."reviewed_by" IS NOT NEW."reviewed_by" OR OLD."complete" IS NOT NEW."complete" OR OLD."resolves_review_id" IS NOT NEW."resolves_review_id" OR OLD."resolved_at" IS NOT NEW."resolved_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'completeness_review' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'folder_id', OLD."folder_id", 'unit_id', OLD."unit_id", 'visit_id', OLD."visit_id", 'practitioner_id', OLD."practitioner_id", 'period', OLD."period", 'reviewed_at', OLD."reviewed_at", 'reviewed_by', OLD."reviewed_by", 'complete', OLD."complete", 'resolves_review_id', OLD."resolves_review_id", 'resolved_at', OLD."resolved_at") AS b, json_object('id', NEW."id", 'folder_id', NEW."folder_id", 'unit_id', NEW."unit_id", 'visit_id', NEW."visit_id", 'practitioner_id', NEW."practitioner_id", 'period', NEW."period", 'reviewed_at', NEW."reviewed_at", 'reviewed_by', NEW."reviewed_by", 'complete', NEW."complete", 'resolves_review_id', NEW."resolves_review_id", 'resolved_at', NEW."resolved_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_hapus" AFTER DELETE ON "counter" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'counter' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'active', OLD."active") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_service_hapus" AFTER DELETE ON "counter_service" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'counter_service' AS entity, CAST(OLD."counter_id" || ':' || OLD."service_id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('counter_id', OLD."counter_id", 'service_id', OLD."service_id") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_service_tambah" AFTER INSERT ON "counter_service" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'counter_service' AS entity, CAST(NEW."counter_id" || ':' || NEW."service_id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('counter_id', NEW."counter_id", 'service_id', NEW."service_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_service_ubah" AFTER UPDATE ON "counter_service" WHEN loket_audit_rows() AND (OLD."counter_id" IS NOT NEW."counter_id" OR OLD."service_id" IS NOT NEW."service_id") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'counter_service' AS entity, CAST(NEW."counter_id" || ':' || NEW."service_id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('counter_id', OLD."counter_id", 'service_id', OLD."service_id") AS b, json_object('counter_id', NEW."counter_id", 'service_id', NEW."service_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_tambah" AFTER INSERT ON "counter" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'counter' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_counter_ubah" AFTER UPDATE ON "counter" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."number" IS NOT NEW."number" OR OLD."name" IS NOT NEW."name" OR OLD."active" IS NOT NEW."active") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'counter' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'active', OLD."active") AS b, json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_device_hapus" AFTER DELETE ON "device" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'device' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'name', OLD."name", 'scope', OLD."scope", 'token_hash', CASE WHEN OLD."token_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(OLD."token_hash"), 1, 8) || ']' END, 'paired_at', OLD."paired_at", 'paired_by', OLD."paired_by", 'last_seen_at', OLD."last_seen_at", 'revoked_at', OLD."revoked_at", 'revoked_by', OLD."revoked_by") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_device_tambah" AFTER INSERT ON "device" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'device' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'name', NEW."name", 'scope', NEW."scope", 'token_hash', CASE WHEN NEW."token_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(NEW."token_hash"), 1, 8) || ']' END, 'paired_at', NEW."paired_at", 'paired_by', NEW."paired_by", 'last_seen_at', NEW."last_seen_at", 'revoked_at', NEW."revoked_at", 'revoked_by', NEW."revoked_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_device_ubah" AFTER UPDATE ON "device" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."scope" IS NOT NEW."scope" OR OLD."token_hash" IS NOT NEW."token_hash" OR OLD."paired_at" IS NOT NEW."paired_at" OR OLD."paired_by" IS NOT NEW."paired_by" OR OLD."revoked_at" IS NOT NEW."revoked_at" OR OLD."revoked_by" IS NOT NEW."revoked_by") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'device' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'name', OLD."name", 'scope', OLD."scope", 'token_hash', CASE WHEN OLD."token_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(OLD."token_hash"), 1, 8) || ']' END, 'paired_at', OLD."paired_at", 'paired_by', OLD."paired_by", 'last_seen_at', OLD."last_seen_at", 'revoked_at', OLD."revoked_at", 'revoked_by', OLD."revoked_by") AS b, json_object('id', NEW."id", 'name', NEW."name", 'scope', NEW."scope", 'token_hash', CASE WHEN NEW."token_hash" IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(NEW."token_hash"), 1, 8) || ']' END, 'paired_at', NEW."paired_at", 'paired_by', NEW."paired_by", 'last_seen_at', NEW."last_seen_at", 'revoked_at', NEW."revoked_at", 'revoked_by', NEW."revoked_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_diagnosis_hapus" AFTER DELETE ON "diagnosis" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'diagnosis' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'text', OLD."text", 'active', OLD."active", 'updated_at', OLD."updated_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_diagnosis_tambah" AFTER INSERT ON "diagnosis" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'diagnosis' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'code', NEW."code", 'text', NEW."text", 'active', NEW."active", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_diagnosis_ubah" AFTER UPDATE ON "diagnosis" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."text" IS NOT NEW."text" OR OLD."active" IS NOT NEW."active" OR OLD."updated_at" IS NOT NEW."updated_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'diagnosis' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'text', OLD."text", 'active', OLD."active", 'updated_at', OLD."updated_at") AS b, json_object('id', NEW."id", 'code', NEW."code", 'text', NEW."text", 'active', NEW."active", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_hapus" AFTER DELETE ON "facility" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'facility' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'kind', OLD."kind", 'address', OLD."address", 'phone', OLD."phone", 'active', OLD."active") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_specialty_hapus" AFTER DELETE ON "facility_specialty" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'facility_specialty' AS entity, CAST(OLD."facility_id" || ':' || OLD."name" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('facility_id', OLD."facility_id", 'name', OLD."name", 'sort_order', OLD."sort_order") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_specialty_tambah" AFTER INSERT ON "facility_specialty" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'facility_specialty' AS entity, CAST(NEW."facility_id" || ':' || NEW."name" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('facility_id', NEW."facility_id", 'name', NEW."name", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_specialty_ubah" AFTER UPDATE ON "facility_specialty" WHEN loket_audit_rows() AND (OLD."facility_id" IS NOT NEW."facility_id" OR OLD."name" IS NOT NEW."name" OR OLD."sort_order" IS NOT NEW."sort_order") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'facility_specialty' AS entity, CAST(NEW."facility_id" || ':' || NEW."name" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('facility_id', OLD."facility_id", 'name', OLD."name", 'sort_order', OLD."sort_order") AS b, json_object('facility_id', NEW."facility_id", 'name', NEW."name", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_tambah" AFTER INSERT ON "facility" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'facility' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'kind', NEW."kind", 'address', NEW."address", 'phone', NEW."phone", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_facility_ubah" AFTER UPDATE ON "facility" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."address" IS NOT NEW."address" OR OLD."phone" IS NOT NEW."phone" OR OLD."active" IS NOT NEW."active") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'facility' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'kind', OLD."kind", 'address', OLD."address", 'phone', OLD."phone", 'active', OLD."active") AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'kind', NEW."kind", 'address', NEW."address", 'phone', NEW."phone", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_hapus" AFTER DELETE ON "folder" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'folder' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'rm_base', OLD."rm_base", 'volume', OLD."volume", 'temporary_for', OLD."temporary_for", 'status', OLD."status", 'location_kind', OLD."location_kind", 'location_unit_id', OLD."location_unit_id", 'borrower', OLD."borrower", 'due_date', OLD."due_date", 'out_since', OLD."out_since", 'last_unit_id', OLD."last_unit_id", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'combined_into', OLD."combined_into") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_movement_hapus" AFTER DELETE ON "folder_movement" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'folder_movement' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'folder_id', OLD."folder_id", 'at', OLD."at", 'kind', OLD."kind", 'from_kind', OLD."from_kind", 'from_unit_id', OLD."from_unit_id", 'to_kind', OLD."to_kind", 'to_unit_id', OLD."to_unit_id", 'user_id', OLD."user_id", 'method', OLD."method", 'request_id', OLD."request_id", 'visit_id', OLD."visit_id", 'reason', OLD."reason", 'borrower', OLD."borrower", 'due_date', OLD."due_date") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_movement_tambah" AFTER INSERT ON "folder_movement" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'folder_movement' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'folder_id', NEW."folder_id", 'at', NEW."at", 'kind', NEW."kind", 'from_kind', NEW."from_kind", 'from_unit_id', NEW."from_unit_id", 'to_kind', NEW."to_kind", 'to_unit_id', NEW."to_unit_id", 'user_id', NEW."user_id", 'method', NEW."method", 'request_id', NEW."request_id", 'visit_id', NEW."visit_id", 'reason', NEW."reason", 'borrower', NEW."borrower", 'due_date', NEW."due_date") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_movement_ubah" AFTER UPDATE ON "folder_movement" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."folder_id" IS NOT NEW."folder_id" OR OLD."at" IS NOT NEW."at" OR OLD."kind" IS NOT NEW."kind" OR OLD."from_kind" IS NOT NEW."from_kind" OR OLD."from_unit_id" IS NOT NEW."from_unit_id" OR OLD."to_kind" IS NOT NEW."to_kind" OR OLD."to_unit_id" IS NOT NEW."to_unit_id" OR OLD."user_id" IS NOT NEW."user_id" OR OLD."method" IS NOT NEW."method" OR OLD."request_id" IS NOT NEW."request_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."reason" IS NOT NEW."reason" OR OLD."borrower" IS NOT NEW."borrower" OR OLD."due_date" IS NOT NEW."due_date") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'folder_movement' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'folder_id', OLD."folder_id", 'at', OLD."at", 'kind', OLD."kind", 'from_kind', OLD."from_kind", 'from_unit_id', OLD."from_unit_id", 'to_kind', OLD."to_kind", 'to_unit_id', OLD."to_unit_id", 'user_id', OLD."user_id", 'method', OLD."method", 'request_id', OLD."request_id", 'visit_id', OLD."visit_id", 'reason', OLD."reason", 'borrower', OLD."borrower", 'due_date', OLD."due_date") AS b, json_object('id', NEW."id", 'folder_id', NEW."folder_id", 'at', NEW."at", 'kind', NEW."kind", 'from_kind', NEW."from_kind", 'from_unit_id', NEW."from_unit_id", 'to_kind', NEW."to_kind", 'to_unit_id', NEW."to_unit_id", 'user_id', NEW."user_id", 'method', NEW."method", 'request_id', NEW."request_id", 'visit_id', NEW."visit_id", 'reason', NEW."reason", 'borrower', NEW."borrower", 'due_date', NEW."due_date") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_patient_hapus" AFTER DELETE ON "folder_patient" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'folder_patient' AS entity, CAST(OLD."patient_id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('patient_id', OLD."patient_id", 'folder_id', OLD."folder_id") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_patient_tambah" AFTER INSERT ON "folder_patient" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'folder_patient' AS entity, CAST(NEW."patient_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('patient_id', NEW."patient_id", 'folder_id', NEW."folder_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_patient_ubah" AFTER UPDATE ON "folder_patient" WHEN loket_audit_rows() AND (OLD."patient_id" IS NOT NEW."patient_id" OR OLD."folder_id" IS NOT NEW."folder_id") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'folder_patient' AS entity, CAST(NEW."patient_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('patient_id', OLD."patient_id", 'folder_id', OLD."folder_id") AS b, json_object('patient_id', NEW."patient_id", 'folder_id', NEW."folder_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_request_hapus" AFTER DELETE ON "folder_request" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'folder_request' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'patient_id', OLD."patient_id", 'unit_id', OLD."unit_id", 'requested_at', OLD."requested_at", 'status', OLD."status", 'delivered_at', OLD."delivered_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_request_tambah" AFTER INSERT ON "folder_request" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'folder_request' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'patient_id', NEW."patient_id", 'unit_id', NEW."unit_id", 'requested_at', NEW."requested_at", 'status', NEW."status", 'delivered_at', NEW."delivered_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_request_ubah" AFTER UPDATE ON "folder_request" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."requested_at" IS NOT NEW."requested_at" OR OLD."status" IS NOT NEW."status" OR OLD."delivered_at" IS NOT NEW."delivered_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'folder_request' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'patient_id', OLD."patient_id", 'unit_id', OLD."unit_id", 'requested_at', OLD."requested_at", 'status', OLD."status", 'delivered_at', OLD."delivered_at") AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'patient_id', NEW."patient_id", 'unit_id', NEW."unit_id", 'requested_at', NEW."requested_at", 'status', NEW."status", 'delivered_at', NEW."delivered_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_tambah" AFTER INSERT ON "folder" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'folder' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'rm_base', NEW."rm_base", 'volume', NEW."volume", 'temporary_for', NEW."temporary_for", 'status', NEW."status", 'location_kind', NEW."location_kind", 'location_unit_id', NEW."location_unit_id", 'borrower', NEW."borrower", 'due_date', NEW."due_date", 'out_since', NEW."out_since", 'last_unit_id', NEW."last_unit_id", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'combined_into', NEW."combined_into") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_folder_ubah" AFTER UPDATE ON "folder" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."rm_base" IS NOT NEW."rm_base" OR OLD."volume" IS NOT NEW."volume" OR OLD."temporary_for" IS NOT NEW."temporary_for" OR OLD."status" IS NOT NEW."status" OR OLD."location_kind" IS NOT NEW."location_kind" OR OLD."location_unit_id" IS NOT NEW."location_unit_id" OR OLD."borrower" IS NOT NEW."borrower" OR OLD."due_date" IS NOT NEW."due_date" OR OLD."out_since" IS NOT NEW."out_since" OR OLD."last_unit_id" IS NOT NEW."last_unit_id" OR OLD."created_at" IS NOT NEW."created_at" OR OLD."updated_at" IS NOT NEW."updated_at" OR OLD."combined_into" IS NOT NEW."combined_into") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'folder' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'rm_base', OLD."rm_base", 'volume', OLD."volume", 'temporary_for', OLD."temporary_for", 'status', OLD."status", 'location_kind', OLD."location_kind", 'location_unit_id', OLD."location_unit_id", 'borrower', OLD."borrower", 'due_date', OLD."due_date", 'out_since', OLD."out_since", 'last_unit_id', OLD."last_unit_id", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'combined_into', OLD."combined_into") AS b, json_object('id', NEW."id", 'rm_base', NEW."rm_base", 'volume', NEW."volume", 'temporary_for', NEW."temporary_for", 'status', NEW."status", 'location_kind', NEW."location_kind", 'location_unit_id', NEW."location_unit_id", 'borrower', NEW."borrower", 'due_date', NEW."due_date", 'out_since', NEW."out_since", 'last_unit_id', NEW."last_unit_id", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'combined_into', NEW."combined_into") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_follow_up_hapus" AFTER DELETE ON "follow_up" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'follow_up' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'village_code', OLD."village_code", 'reason', OLD."reason", 'note', OLD."note", 'marked_at', OLD."marked_at", 'marked_by', OLD."marked_by", 'status', OLD."status", 'done_at', OLD."done_at", 'done_by', OLD."done_by", 'done_note', OLD."done_note") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_follow_up_tambah" AFTER INSERT ON "follow_up" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'follow_up' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'village_code', NEW."village_code", 'reason', NEW."reason", 'note', NEW."note", 'marked_at', NEW."marked_at", 'marked_by', NEW."marked_by", 'status', NEW."status", 'done_at', NEW."done_at", 'done_by', NEW."done_by", 'done_note', NEW."done_note") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_follow_up_ubah" AFTER UPDATE ON "follow_up" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."village_code" IS NOT NEW."village_code" OR OLD."reason" IS NOT NEW."reason" OR OLD."note" IS NOT NEW."note" OR OLD."marked_at" IS NOT NEW."marked_at" OR OLD."marked_by" IS NOT NEW."marked_by" OR OLD."status" IS NOT NEW."status" OR OLD."done_at" IS NOT NEW."done_at" OR OLD."done_by" IS NOT NEW."done_by" OR OLD."done_note" IS NOT NEW."done_note") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'follow_up' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'village_code', OLD."village_code", 'reason', OLD."reason", 'note', OLD."note", 'marked_at', OLD."marked_at", 'marked_by', OLD."marked_by", 'status', OLD."status", 'done_at', OLD."done_at", 'done_by', OLD."done_by", 'done_note', OLD."done_note") AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'village_code', NEW."village_code", 'reason', NEW."reason", 'note', NEW."note", 'marked_at', NEW."marked_at", 'marked_by', NEW."marked_by", 'status', NEW."status", 'done_at', NEW."done_at", 'done_by', NEW."done_by", 'done_note', NEW."done_note") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_internal_referral_hapus" AFTER DELETE ON "internal_referral" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'internal_referral' AS entity, CAST(OLD."letter_id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('letter_id', OLD."letter_id", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'referral_date', OLD."referral_date", 'from_unit_id', OLD."from_unit_id", 'to_unit_id', OLD."to_unit_id", 'request', OLD."request", 'movement_id', OLD."movement_id", 'ticket_id', OLD."ticket_id", 'created_at', OLD."created_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_internal_referral_tambah" AFTER INSERT ON "internal_referral" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'internal_referral' AS entity, CAST(NEW."letter_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('letter_id', NEW."letter_id", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'referral_date', NEW."referral_date", 'from_unit_id', NEW."from_unit_id", 'to_unit_id', NEW."to_unit_id", 'request', NEW."request", 'movement_id', NEW."movement_id", 'ticket_id', NEW."ticket_id", 'created_at', NEW."created_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_internal_referral_ubah" AFTER UPDATE ON "internal_referral" WHEN loket_audit_rows() AND (OLD."letter_id" IS NOT NEW."letter_id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."referral_date" IS NOT NEW."referral_date" OR OLD."from_unit_id" IS NOT NEW."from_unit_id" OR OLD."to_unit_id" IS NOT NEW."to_unit_id" OR OLD."request" IS NOT NEW."request" OR OLD."movement_id" IS NOT NEW."movement_id" OR OLD."ticket_id" IS NOT NEW."ticket_id" OR OLD."created_at" IS NOT NEW."created_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'internal_referral' AS entity, CAST(NEW."letter_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('letter_id', OLD."letter_id", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'referral_date', OLD."referral_date", 'from_unit_id', OLD."from_unit_id", 'to_unit_id', OLD."to_unit_id", 'request', OLD."request", 'movement_id', OLD."movement_id", 'ticket_id', OLD."ticket_id", 'created_at', OLD."created_at") AS b, json_object('letter_id', NEW."letter_id", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'referral_date', NEW."referral_date", 'from_unit_id', NEW."from_unit_id", 'to_unit_id', NEW."to_unit_id", 'request', NEW."request", 'movement_id', NEW."movement_id", 'ticket_id', NEW."ticket_id", 'created_at', NEW."created_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_hapus" AFTER DELETE ON "letter" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'letter' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('id', OLD."id", 'kind', OLD."kind", 'number', OLD."number", 'seq', OLD."seq", 'year', OLD."year", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'signer_id', OLD."signer_id", 'issued_at', OLD."issued_at", 'issued_date', OLD."issued_date", 'issued_by', OLD."issued_by", 'data', OLD."data", 'verify_code', OLD."verify_code", 'status', OLD."status", 'cancelled_at', OLD."cancelled_at", 'cancelled_by', OLD."cancelled_by", 'cancel_reason', OLD."cancel_reason", 'paper', OLD."paper", 'archived_at', OLD."archived_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_print_hapus" AFTER DELETE ON "letter_print" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'letter_print' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'printed_at', OLD."printed_at", 'printed_by', OLD."printed_by", 'copy', OLD."copy", 'target', OLD."target") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_print_tambah" AFTER INSERT ON "letter_print" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'letter_print' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'printed_at', NEW."printed_at", 'printed_by', NEW."printed_by", 'copy', NEW."copy", 'target', NEW."target") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_print_ubah" AFTER UPDATE ON "letter_print" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."letter_id" IS NOT NEW."letter_id" OR OLD."printed_at" IS NOT NEW."printed_at" OR OLD."printed_by" IS NOT NEW."printed_by" OR OLD."copy" IS NOT NEW."copy" OR OLD."target" IS NOT NEW."target") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'letter_print' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'printed_at', OLD."printed_at", 'printed_by', OLD."printed_by", 'copy', OLD."copy", 'target', OLD."target") AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'printed_at', NEW."printed_at", 'printed_by', NEW."printed_by", 'copy', NEW."copy", 'target', NEW."target") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_tambah" AFTER INSERT ON "letter" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'letter' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('id', NEW."id", 'kind', NEW."kind", 'number', NEW."number", 'seq', NEW."seq", 'year', NEW."year", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'signer_id', NEW."signer_id", 'issued_at', NEW."issued_at", 'issued_date', NEW."issued_date", 'issued_by', NEW."issued_by", 'data', NEW."data", 'verify_code', NEW."verify_code", 'status', NEW."status", 'cancelled_at', NEW."cancelled_at", 'cancelled_by', NEW."cancelled_by", 'cancel_reason', NEW."cancel_reason", 'paper', NEW."paper", 'archived_at', NEW."archived_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_letter_ubah" AFTER UPDATE ON "letter" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."kind" IS NOT NEW."kind" OR OLD."number" IS NOT NEW."number" OR OLD."seq" IS NOT NEW."seq" OR OLD."year" IS NOT NEW."year" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."signer_id" IS NOT NEW."signer_id" OR OLD."issued_at" IS NOT NEW."issued_at" OR OLD."issued_date" IS NOT NEW."issued_date" OR OLD."issued_by" IS NOT NEW."issued_by" OR OLD."data" IS NOT NEW."data" OR OLD."verify_code" IS NOT NEW."verify_code" OR OLD."status" IS NOT NEW."status" OR OLD."cancelled_at" IS NOT NEW."cancelled_at" OR OLD."cancelled_by" IS NOT NEW."cancelled_by" OR OLD."cancel_reason" IS NOT NEW."cancel_reason" OR OLD."paper" IS NOT NEW."paper" OR OLD."archived_at" IS NOT NEW."archived_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'letter' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('id', OLD."id", 'kind', OLD."kind", 'number', OLD."number", 'seq', OLD."seq", 'year', OLD."year", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'signer_id', OLD."signer_id", 'issued_at', OLD."issued_at", 'issued_date', OLD."issued_date", 'issued_by', OLD."issued_by", 'data', OLD."data", 'verify_code', OLD."verify_code", 'status', OLD."status", 'cancelled_at', OLD."cancelled_at", 'cancelled_by', OLD."cancelled_by", 'cancel_reason', OLD."cancel_reason", 'paper', OLD."paper", 'archived_at', OLD."archived_at") AS b, json_object('id', NEW."id", 'kind', NEW."kind", 'number', NEW."number", 'seq', NEW."seq", 'year', NEW."year", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'signer_id', NEW."signer_id", 'issued_at', NEW."issued_at", 'issued_date', NEW."issued_date", 'issued_by', NEW."issued_by", 'data', NEW."data", 'verify_code', NEW."verify_code", 'status', NEW."status", 'cancelled_at', NEW."cancelled_at", 'cancelled_by', NEW."cancelled_by", 'cancel_reason', NEW."cancel_reason", 'paper', NEW."paper", 'archived_at', NEW."archived_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh dihapus'); END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh diubah'); END;

CREATE TRIGGER "audit_patient_hapus" AFTER DELETE ON "patient" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'patient' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  OLD.id AS patient_id, json_object('id', OLD."id", 'rm_number', OLD."rm_number", 'name', OLD."name", 'name_key', OLD."name_key", 'sex', OLD."sex", 'birth_place', OLD."birth_place", 'birth_date', OLD."birth_date", 'nik', OLD."nik", 'bpjs_number', OLD."bpjs_number", 'bpjs_class', OLD."bpjs_class", 'payer_default', OLD."payer_default", 'phone', OLD."phone", 'address_street', OLD."address_street", 'rt', OLD."rt", 'rw', OLD."rw", 'village_code', OLD."village_code", 'occupation', OLD."occupation", 'education', OLD."education", 'religion', OLD."religion", 'marital_status', OLD."marital_status", 'blood_type', OLD."blood_type", 'mother_name', OLD."mother_name", 'mother_nik', OLD."mother_nik", 'kk_number', OLD."kk_number", 'family_head', OLD."family_head", 'emergency_name', OLD."emergency_name", 'emergency_relation', OLD."emergency_relation", 'emergency_phone', OLD."emergency_phone", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'merged_into', OLD."merged_into") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_patient_merge_hapus" AFTER DELETE ON "patient_merge" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'patient_merge' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'kept_id', OLD."kept_id", 'merged_id', OLD."merged_id", 'reason', OLD."reason", 'moved', OLD."moved", 'merged_at', OLD."merged_at", 'merged_by', OLD."merged_by", 'undone_at', OLD."undone_at", 'undone_by', OLD."undone_by") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_patient_merge_tambah" AFTER INSERT ON "patient_merge" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'patient_merge' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'kept_id', NEW."kept_id", 'merged_id', NEW."merged_id", 'reason', NEW."reason", 'moved', NEW."moved", 'merged_at', NEW."merged_at", 'merged_by', NEW."merged_by", 'undone_at', NEW."undone_at", 'undone_by', NEW."undone_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_patient_merge_ubah" AFTER UPDATE ON "patient_merge" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."kept_id" IS NOT NEW."kept_id" OR OLD."merged_id" IS NOT NEW."merged_id" OR OLD."reason" IS NOT NEW."reason" OR OLD."moved" IS NOT NEW."moved" OR OLD."merged_at" IS NOT NEW."merged_at" OR OLD."merged_by" IS NOT NEW."merged_by" OR OLD."undone_at" IS NOT NEW."undone_at" OR OLD."undone_by" IS NOT NEW."undone_by") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'patient_merge' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'kept_id', OLD."kept_id", 'merged_id', OLD."merged_id", 'reason', OLD."reason", 'moved', OLD."moved", 'merged_at', OLD."merged_at", 'merged_by', OLD."merged_by", 'undone_at', OLD."undone_at", 'undone_by', OLD."undone_by") AS b, json_object('id', NEW."id", 'kept_id', NEW."kept_id", 'merged_id', NEW."merged_id", 'reason', NEW."reason", 'moved', NEW."moved", 'merged_at', NEW."merged_at", 'merged_by', NEW."merged_by", 'undone_at', NEW."undone_at", 'undone_by', NEW."undone_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_patient_tambah" AFTER INSERT ON "patient" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'patient' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.id AS patient_id, NULL AS b, json_object('id', NEW."id", 'rm_number', NEW."rm_number", 'name', NEW."name", 'name_key', NEW."name_key", 'sex', NEW."sex", 'birth_place', NEW."birth_place", 'birth_date', NEW."birth_date", 'nik', NEW."nik", 'bpjs_number', NEW."bpjs_number", 'bpjs_class', NEW."bpjs_class", 'payer_default', NEW."payer_default", 'phone', NEW."phone", 'address_street', NEW."address_street", 'rt', NEW."rt", 'rw', NEW."rw", 'village_code', NEW."village_code", 'occupation', NEW."occupation", 'education', NEW."education", 'religion', NEW."religion", 'marital_status', NEW."marital_status", 'blood_type', NEW."blood_type", 'mother_name', NEW."mother_name", 'mother_nik', NEW."mother_nik", 'kk_number', NEW."kk_number", 'family_head', NEW."family_head", 'emergency_name', NEW."emergency_name", 'emergency_relation', NEW."emergency_relation", 'emergency_phone', NEW."emergency_phone", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'merged_into', NEW."merged_into") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_patient_ubah" AFTER UPDATE ON "patient" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."rm_number" IS NOT NEW."rm_number" OR OLD."name" IS NOT NEW."name" OR OLD."name_key" IS NOT NEW."name_key" OR OLD."sex" IS NOT NEW."sex" OR OLD."birth_place" IS NOT NEW."birth_place" OR OLD."birth_date" IS NOT NEW."birth_date" OR OLD."nik" IS NOT NEW."nik" OR OLD."bpjs_number" IS NOT NEW."bpjs_number" OR OLD."bpjs_class" IS NOT NEW."bpjs_class" OR OLD."payer_default" IS NOT NEW."payer_default" OR OLD."phone" IS NOT NEW."phone" OR OLD."address_street" IS NOT NEW."address_street" OR OLD."rt" IS NOT NEW."rt" OR OLD."rw" IS NOT NEW."rw" OR OLD."village_code" IS NOT NEW."village_code" OR OLD."occupation" IS NOT NEW."occupation" OR OLD."education" IS NOT NEW."education" OR OLD."religion" IS NOT NEW."religion" OR OLD."marital_status" IS NOT NEW."marital_status" OR OLD."blood_type" IS NOT NEW."blood_type" OR OLD."mother_name" IS NOT NEW."mother_name" OR OLD."mother_nik" IS NOT NEW."mother_nik" OR OLD."kk_number" IS NOT NEW."kk_number" OR OLD."family_head" IS NOT NEW."family_head" OR OLD."emergency_name" IS NOT NEW."emergency_name" OR OLD."emergency_relation" IS NOT NEW."emergency_relation" OR OLD."emergency_phone" IS NOT NEW."emergency_phone" OR OLD."created_at" IS NOT NEW."created_at" OR OLD."updated_at" IS NOT NEW."updated_at" OR OLD."merged_into" IS NOT NEW."merged_into") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'patient' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.id AS patient_id, json_object('id', OLD."id", 'rm_number', OLD."rm_number", 'name', OLD."name", 'name_key', OLD."name_key", 'sex', OLD."sex", 'birth_place', OLD."birth_place", 'birth_date', OLD."birth_date", 'nik', OLD."nik", 'bpjs_number', OLD."bpjs_number", 'bpjs_class', OLD."bpjs_class", 'payer_default', OLD."payer_default", 'phone', OLD."phone", 'address_street', OLD."address_street", 'rt', OLD."rt", 'rw', OLD."rw", 'village_code', OLD."village_code", 'occupation', OLD."occupation", 'education', OLD."education", 'religion', OLD."religion", 'marital_status', OLD."marital_status", 'blood_type', OLD."blood_type", 'mother_name', OLD."mother_name", 'mother_nik', OLD."mother_nik", 'kk_number', OLD."kk_number", 'family_head', OLD."family_head", 'emergency_name', OLD."emergency_name", 'emergency_relation', OLD."emergency_relation", 'emergency_phone', OLD."emergency_phone", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at", 'merged_into', OLD."merged_into") AS b, json_object('id', NEW."id", 'rm_number', NEW."rm_number", 'name', NEW."name", 'name_key', NEW."name_key", 'sex', NEW."sex", 'birth_place', NEW."birth_place", 'birth_date', NEW."birth_date", 'nik', NEW."nik", 'bpjs_number', NEW."bpjs_number", 'bpjs_class', NEW."bpjs_class", 'payer_default', NEW."payer_default", 'phone', NEW."phone", 'address_street', NEW."address_street", 'rt', NEW."rt", 'rw', NEW."rw", 'village_code', NEW."village_code", 'occupation', NEW."occupation", 'education', NEW."education", 'religion', NEW."religion", 'marital_status', NEW."marital_status", 'blood_type', NEW."blood_type", 'mother_name', NEW."mother_name", 'mother_nik', NEW."mother_nik", 'kk_number', NEW."kk_number", 'family_head', NEW."family_head", 'emergency_name', NEW."emergency_name", 'emergency_relation', NEW."emergency_relation", 'emergency_phone', NEW."emergency_phone", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at", 'merged_into', NEW."merged_into") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_payment_hapus" AFTER DELETE ON "payment" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'payment' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'cash_date', OLD."cash_date", 'amount', OLD."amount", 'tariff_id', OLD."tariff_id", 'tariff_name', OLD."tariff_name", 'paid_at', OLD."paid_at", 'cashier_id', OLD."cashier_id", 'voided_at', OLD."voided_at", 'voided_by', OLD."voided_by", 'void_reason', OLD."void_reason") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_payment_tambah" AFTER INSERT ON "payment" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'payment' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'cash_date', NEW."cash_date", 'amount', NEW."amount", 'tariff_id', NEW."tariff_id", 'tariff_name', NEW."tariff_name", 'paid_at', NEW."paid_at", 'cashier_id', NEW."cashier_id", 'voided_at', NEW."voided_at", 'voided_by', NEW."voided_by", 'void_reason', NEW."void_reason") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_payment_ubah" AFTER UPDATE ON "payment" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."cash_date" IS NOT NEW."cash_date" OR OLD."amount" IS NOT NEW."amount" OR OLD."tariff_id" IS NOT NEW."tariff_id" OR OLD."tariff_name" IS NOT NEW."tariff_name" OR OLD."paid_at" IS NOT NEW."paid_at" OR OLD."cashier_id" IS NOT NEW."cashier_id" OR OLD."voided_at" IS NOT NEW."voided_at" OR OLD."voided_by" IS NOT NEW."voided_by" OR OLD."void_reason" IS NOT NEW."void_reason") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'payment' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'cash_date', OLD."cash_date", 'amount', OLD."amount", 'tariff_id', OLD."tariff_id", 'tariff_name', OLD."tariff_name", 'paid_at', OLD."paid_at", 'cashier_id', OLD."cashier_id", 'voided_at', OLD."voided_at", 'voided_by', OLD."voided_by", 'void_reason', OLD."void_reason") AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'cash_date', NEW."cash_date", 'amount', NEW."amount", 'tariff_id', NEW."tariff_id", 'tariff_name', NEW."tariff_name", 'paid_at', NEW."paid_at", 'cashier_id', NEW."cashier_id", 'voided_at', NEW."voided_at", 'voided_by', NEW."voided_by", 'void_reason', NEW."void_reason") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_practitioner_hapus" AFTER DELETE ON "practitioner" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'practitioner' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'name', OLD."name", 'profession', OLD."profession", 'nip', OLD."nip", 'sip', OLD."sip", 'str', OLD."str", 'unit_id', OLD."unit_id", 'active', OLD."active") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_practitioner_tambah" AFTER INSERT ON "practitioner" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'practitioner' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'name', NEW."name", 'profession', NEW."profession", 'nip', NEW."nip", 'sip', NEW."sip", 'str', NEW."str", 'unit_id', NEW."unit_id", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_practitioner_ubah" AFTER UPDATE ON "practitioner" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."name" IS NOT NEW."name" OR OLD."profession" IS NOT NEW."profession" OR OLD."nip" IS NOT NEW."nip" OR OLD."sip" IS NOT NEW."sip" OR OLD."str" IS NOT NEW."str" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."active" IS NOT NEW."active") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'practitioner' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'name', OLD."name", 'profession', OLD."profession", 'nip', OLD."nip", 'sip', OLD."sip", 'str', OLD."str", 'unit_id', OLD."unit_id", 'active', OLD."active") AS b, json_object('id', NEW."id", 'name', NEW."name", 'profession', NEW."profession", 'nip', NEW."nip", 'sip', NEW."sip", 'str', NEW."str", 'unit_id', NEW."unit_id", 'active', NEW."active") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_queue_ticket_hapus" AFTER DELETE ON "queue_ticket" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'queue_ticket' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'service_date', OLD."service_date", 'lane', OLD."lane", 'service_id', OLD."service_id", 'unit_id', OLD."unit_id", 'number', OLD."number", 'code', OLD."code", 'priority', OLD."priority", 'status', OLD."status", 'counter_id', OLD."counter_id", 'visit_id', OLD."visit_id", 'issued_at', OLD."issued_at", 'called_at', OLD."called_at", 'last_called_at', OLD."last_called_at", 'finished_at', OLD."finished_at", 'transferred_from', OLD."transferred_from", 'request_id', OLD."request_id") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_queue_ticket_tambah" AFTER INSERT ON "queue_ticket" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'queue_ticket' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'service_date', NEW."service_date", 'lane', NEW."lane", 'service_id', NEW."service_id", 'unit_id', NEW."unit_id", 'number', NEW."number", 'code', NEW."code", 'priority', NEW."priority", 'status', NEW."status", 'counter_id', NEW."counter_id", 'visit_id', NEW."visit_id", 'issued_at', NEW."issued_at", 'called_at', NEW."called_at", 'last_called_at', NEW."last_called_at", 'finished_at', NEW."finished_at", 'transferred_from', NEW."transferred_from", 'request_id', NEW."request_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_queue_ticket_ubah" AFTER UPDATE ON "queue_ticket" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."service_date" IS NOT NEW."service_date" OR OLD."lane" IS NOT NEW."lane" OR OLD."service_id" IS NOT NEW."service_id" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."number" IS NOT NEW."number" OR OLD."code" IS NOT NEW."code" OR OLD."priority" IS NOT NEW."priority" OR OLD."status" IS NOT NEW."status" OR OLD."counter_id" IS NOT NEW."counter_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."issued_at" IS NOT NEW."issued_at" OR OLD."called_at" IS NOT NEW."called_at" OR OLD."last_called_at" IS NOT NEW."last_called_at" OR OLD."finished_at" IS NOT NEW."finished_at" OR OLD."transferred_from" IS NOT NEW."transferred_from" OR OLD."request_id" IS NOT NEW."request_id") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'queue_ticket' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'service_date', OLD."service_date", 'lane', OLD."lane", 'service_id', OLD."service_id", 'unit_id', OLD."unit_id", 'number', OLD."number", 'code', OLD."code", 'priority', OLD."priority", 'status', OLD."status", 'counter_id', OLD."counter_id", 'visit_id', OLD."visit_id", 'issued_at', OLD."issued_at", 'called_at', OLD."called_at", 'last_called_at', OLD."last_called_at", 'finished_at', OLD."finished_at", 'transferred_from', OLD."transferred_from", 'request_id', OLD."request_id") AS b, json_object('id', NEW."id", 'service_date', NEW."service_date", 'lane', NEW."lane", 'service_id', NEW."service_id", 'unit_id', NEW."unit_id", 'number', NEW."number", 'code', NEW."code", 'priority', NEW."priority", 'status', NEW."status", 'counter_id', NEW."counter_id", 'visit_id', NEW."visit_id", 'issued_at', NEW."issued_at", 'called_at', NEW."called_at", 'last_called_at', NEW."last_called_at", 'finished_at', NEW."finished_at", 'transferred_from', NEW."transferred_from", 'request_id', NEW."request_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_receipt_print_hapus" AFTER DELETE ON "receipt_print" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'receipt_print' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = OLD.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'printed_at', OLD."printed_at", 'printed_by', OLD."printed_by", 'copy', OLD."copy") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_receipt_print_tambah" AFTER INSERT ON "receipt_print" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'receipt_print' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, NULL AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'printed_at', NEW."printed_at", 'printed_by', NEW."printed_by", 'copy', NEW."copy") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_receipt_print_ubah" AFTER UPDATE ON "receipt_print" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."printed_at" IS NOT NEW."printed_at" OR OLD."printed_by" IS NOT NEW."printed_by" OR OLD."copy" IS NOT NEW."copy") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'receipt_print' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  (SELECT patient_id FROM visit WHERE id = NEW.visit_id) AS patient_id, json_object('id', OLD."id", 'visit_id', OLD."visit_id", 'printed_at', OLD."printed_at", 'printed_by', OLD."printed_by", 'copy', OLD."copy") AS b, json_object('id', NEW."id", 'visit_id', NEW."visit_id", 'printed_at', NEW."printed_at", 'printed_by', NEW."printed_by", 'copy', NEW."copy") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_event_hapus" AFTER DELETE ON "referral_event" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'referral_event' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'status', OLD."status", 'at', OLD."at", 'user_id', OLD."user_id", 'note', OLD."note", 'sisrute_number', OLD."sisrute_number", 'reason', OLD."reason", 'transport', OLD."transport", 'escort_name', OLD."escort_name", 'family_informed_at', OLD."family_informed_at", 'received_by', OLD."received_by", 'admitted', OLD."admitted") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_event_tambah" AFTER INSERT ON "referral_event" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'referral_event' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'status', NEW."status", 'at', NEW."at", 'user_id', NEW."user_id", 'note', NEW."note", 'sisrute_number', NEW."sisrute_number", 'reason', NEW."reason", 'transport', NEW."transport", 'escort_name', NEW."escort_name", 'family_informed_at', NEW."family_informed_at", 'received_by', NEW."received_by", 'admitted', NEW."admitted") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_event_ubah" AFTER UPDATE ON "referral_event" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."letter_id" IS NOT NEW."letter_id" OR OLD."status" IS NOT NEW."status" OR OLD."at" IS NOT NEW."at" OR OLD."user_id" IS NOT NEW."user_id" OR OLD."note" IS NOT NEW."note" OR OLD."sisrute_number" IS NOT NEW."sisrute_number" OR OLD."reason" IS NOT NEW."reason" OR OLD."transport" IS NOT NEW."transport" OR OLD."escort_name" IS NOT NEW."escort_name" OR OLD."family_informed_at" IS NOT NEW."family_informed_at" OR OLD."received_by" IS NOT NEW."received_by" OR OLD."admitted" IS NOT NEW."admitted") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'referral_event' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'status', OLD."status", 'at', OLD."at", 'user_id', OLD."user_id", 'note', OLD."note", 'sisrute_number', OLD."sisrute_number", 'reason', OLD."reason", 'transport', OLD."transport", 'escort_name', OLD."escort_name", 'family_informed_at', OLD."family_informed_at", 'received_by', OLD."received_by", 'admitted', OLD."admitted") AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'status', NEW."status", 'at', NEW."at", 'user_id', NEW."user_id", 'note', NEW."note", 'sisrute_number', NEW."sisrute_number", 'reason', NEW."reason", 'transport', NEW."transport", 'escort_name', NEW."escort_name", 'family_informed_at', NEW."family_informed_at", 'received_by', NEW."received_by", 'admitted', NEW."admitted") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_followup_hapus" AFTER DELETE ON "referral_followup" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'referral_followup' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'kind', OLD."kind", 'note', OLD."note", 'at', OLD."at", 'user_id', OLD."user_id") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_followup_tambah" AFTER INSERT ON "referral_followup" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'referral_followup' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'kind', NEW."kind", 'note', NEW."note", 'at', NEW."at", 'user_id', NEW."user_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_followup_ubah" AFTER UPDATE ON "referral_followup" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."letter_id" IS NOT NEW."letter_id" OR OLD."kind" IS NOT NEW."kind" OR OLD."note" IS NOT NEW."note" OR OLD."at" IS NOT NEW."at" OR OLD."user_id" IS NOT NEW."user_id") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'referral_followup' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'letter_id', OLD."letter_id", 'kind', OLD."kind", 'note', OLD."note", 'at', OLD."at", 'user_id', OLD."user_id") AS b, json_object('id', NEW."id", 'letter_id', NEW."letter_id", 'kind', NEW."kind", 'note', NEW."note", 'at', NEW."at", 'user_id', NEW."user_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_hapus" AFTER DELETE ON "referral" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'referral' AS entity, CAST(OLD."letter_id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('letter_id', OLD."letter_id", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'referral_date', OLD."referral_date", 'facility_id', OLD."facility_id", 'specialty', OLD."specialty", 'diagnosis_code', OLD."diagnosis_code", 'diagnosis_text', OLD."diagnosis_text", 'emergency', OLD."emergency", 'signer_id', OLD."signer_id", 'status', OLD."status", 'sisrute_number', OLD."sisrute_number", 'family_informed_at', OLD."family_informed_at", 'admitted', OLD."admitted", 'follow_up_closed_at', OLD."follow_up_closed_at", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_tambah" AFTER INSERT ON "referral" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'referral' AS entity, CAST(NEW."letter_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('letter_id', NEW."letter_id", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'referral_date', NEW."referral_date", 'facility_id', NEW."facility_id", 'specialty', NEW."specialty", 'diagnosis_code', NEW."diagnosis_code", 'diagnosis_text', NEW."diagnosis_text", 'emergency', NEW."emergency", 'signer_id', NEW."signer_id", 'status', NEW."status", 'sisrute_number', NEW."sisrute_number", 'family_informed_at', NEW."family_informed_at", 'admitted', NEW."admitted", 'follow_up_closed_at', NEW."follow_up_closed_at", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_referral_ubah" AFTER UPDATE ON "referral" WHEN loket_audit_rows() AND (OLD."letter_id" IS NOT NEW."letter_id" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."visit_id" IS NOT NEW."visit_id" OR OLD."referral_date" IS NOT NEW."referral_date" OR OLD."facility_id" IS NOT NEW."facility_id" OR OLD."specialty" IS NOT NEW."specialty" OR OLD."diagnosis_code" IS NOT NEW."diagnosis_code" OR OLD."diagnosis_text" IS NOT NEW."diagnosis_text" OR OLD."emergency" IS NOT NEW."emergency" OR OLD."signer_id" IS NOT NEW."signer_id" OR OLD."status" IS NOT NEW."status" OR OLD."sisrute_number" IS NOT NEW."sisrute_number" OR OLD."family_informed_at" IS NOT NEW."family_informed_at" OR OLD."admitted" IS NOT NEW."admitted" OR OLD."follow_up_closed_at" IS NOT NEW."follow_up_closed_at" OR OLD."created_at" IS NOT NEW."created_at" OR OLD."updated_at" IS NOT NEW."updated_at") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'referral' AS entity, CAST(NEW."letter_id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('letter_id', OLD."letter_id", 'patient_id', OLD."patient_id", 'visit_id', OLD."visit_id", 'referral_date', OLD."referral_date", 'facility_id', OLD."facility_id", 'specialty', OLD."specialty", 'diagnosis_code', OLD."diagnosis_code", 'diagnosis_text', OLD."diagnosis_text", 'emergency', OLD."emergency", 'signer_id', OLD."signer_id", 'status', OLD."status", 'sisrute_number', OLD."sisrute_number", 'family_informed_at', OLD."family_informed_at", 'admitted', OLD."admitted", 'follow_up_closed_at', OLD."follow_up_closed_at", 'created_at', OLD."created_at", 'updated_at', OLD."updated_at") AS b, json_object('letter_id', NEW."letter_id", 'patient_id', NEW."patient_id", 'visit_id', NEW."visit_id", 'referral_date', NEW."referral_date", 'facility_id', NEW."facility_id", 'specialty', NEW."specialty", 'diagnosis_code', NEW."diagnosis_code", 'diagnosis_text', NEW."diagnosis_text", 'emergency', NEW."emergency", 'signer_id', NEW."signer_id", 'status', NEW."status", 'sisrute_number', NEW."sisrute_number", 'family_informed_at', NEW."family_informed_at", 'admitted', NEW."admitted", 'follow_up_closed_at', NEW."follow_up_closed_at", 'created_at', NEW."created_at", 'updated_at', NEW."updated_at") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_role_permission_hapus" AFTER DELETE ON "role_permission" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'role_permission' AS entity, CAST(OLD."role" || ':' || OLD."permission" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('role', OLD."role", 'permission', OLD."permission") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_role_permission_tambah" AFTER INSERT ON "role_permission" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'role_permission' AS entity, CAST(NEW."role" || ':' || NEW."permission" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('role', NEW."role", 'permission', NEW."permission") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_role_permission_ubah" AFTER UPDATE ON "role_permission" WHEN loket_audit_rows() AND (OLD."role" IS NOT NEW."role" OR OLD."permission" IS NOT NEW."permission") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'role_permission' AS entity, CAST(NEW."role" || ':' || NEW."permission" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('role', OLD."role", 'permission', OLD."permission") AS b, json_object('role', NEW."role", 'permission', NEW."permission") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_service_hapus" AFTER DELETE ON "service" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'service' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'prefix', OLD."prefix", 'daily_cap', OLD."daily_cap", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_service_tambah" AFTER INSERT ON "service" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'service' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'prefix', NEW."prefix", 'daily_cap', NEW."daily_cap", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_service_ubah" AFTER UPDATE ON "service" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."name" IS NOT NEW."name" OR OLD."prefix" IS NOT NEW."prefix" OR OLD."daily_cap" IS NOT NEW."daily_cap" OR OLD."active" IS NOT NEW."active" OR OLD."sort_order" IS NOT NEW."sort_order") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'service' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'prefix', OLD."prefix", 'daily_cap', OLD."daily_cap", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'prefix', NEW."prefix", 'daily_cap', NEW."daily_cap", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_setting_hapus" AFTER DELETE ON "setting" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'setting' AS entity, CAST(OLD."key" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('key', OLD."key", 'value', OLD."value", 'updated_at', OLD."updated_at", 'updated_by', OLD."updated_by") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_setting_tambah" AFTER INSERT ON "setting" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'setting' AS entity, CAST(NEW."key" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('key', NEW."key", 'value', NEW."value", 'updated_at', NEW."updated_at", 'updated_by', NEW."updated_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_setting_ubah" AFTER UPDATE ON "setting" WHEN loket_audit_rows() AND (OLD."key" IS NOT NEW."key" OR OLD."value" IS NOT NEW."value" OR OLD."updated_at" IS NOT NEW."updated_at" OR OLD."updated_by" IS NOT NEW."updated_by") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'setting' AS entity, CAST(NEW."key" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('key', OLD."key", 'value', OLD."value", 'updated_at', OLD."updated_at", 'updated_by', OLD."updated_by") AS b, json_object('key', NEW."key", 'value', NEW."value", 'updated_at', NEW."updated_at", 'updated_by', NEW."updated_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_tariff_hapus" AFTER DELETE ON "tariff" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'tariff' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'amount', OLD."amount", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_tariff_tambah" AFTER INSERT ON "tariff" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'tariff' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'amount', NEW."amount", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_tariff_ubah" AFTER UPDATE ON "tariff" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."name" IS NOT NEW."name" OR OLD."amount" IS NOT NEW."amount" OR OLD."active" IS NOT NEW."active" OR OLD."sort_order" IS NOT NEW."sort_order") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'tariff' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'amount', OLD."amount", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'amount', NEW."amount", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_unit_hapus" AFTER DELETE ON "unit" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'unit' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'cluster', OLD."cluster", 'closing_time', OLD."closing_time", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_unit_tambah" AFTER INSERT ON "unit" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'unit' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'cluster', NEW."cluster", 'closing_time', NEW."closing_time", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_unit_ubah" AFTER UPDATE ON "unit" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."code" IS NOT NEW."code" OR OLD."name" IS NOT NEW."name" OR OLD."cluster" IS NOT NEW."cluster" OR OLD."closing_time" IS NOT NEW."closing_time" OR OLD."active" IS NOT NEW."active" OR OLD."sort_order" IS NOT NEW."sort_order") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'unit' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'cluster', OLD."cluster", 'closing_time', OLD."closing_time", 'active', OLD."active", 'sort_order', OLD."sort_order") AS b, json_object('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'cluster', NEW."cluster", 'closing_time', NEW."closing_time", 'active', NEW."active", 'sort_order', NEW."sort_order") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_visit_hapus" AFTER DELETE ON "visit" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'visit' AS entity, CAST(OLD."id" AS TEXT) AS entity_id,
  OLD.patient_id AS patient_id, json_object('id', OLD."id", 'visit_date', OLD."visit_date", 'seq', OLD."seq", 'registered_at', OLD."registered_at", 'patient_id', OLD."patient_id", 'payer', OLD."payer", 'unit_id', OLD."unit_id", 'cluster', OLD."cluster", 'emergency', OLD."emergency", 'kunjungan_baru', OLD."kunjungan_baru", 'pasien_baru', OLD."pasien_baru", 'status', OLD."status", 'fee', OLD."fee", 'paid_at', OLD."paid_at", 'registered_by', OLD."registered_by", 'life_stage', OLD."life_stage", 'cluster_reason', OLD."cluster_reason", 'insurance_name', OLD."insurance_name", 'tariff_id', OLD."tariff_id") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_visit_tambah" AFTER INSERT ON "visit" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'visit' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, NULL AS b, json_object('id', NEW."id", 'visit_date', NEW."visit_date", 'seq', NEW."seq", 'registered_at', NEW."registered_at", 'patient_id', NEW."patient_id", 'payer', NEW."payer", 'unit_id', NEW."unit_id", 'cluster', NEW."cluster", 'emergency', NEW."emergency", 'kunjungan_baru', NEW."kunjungan_baru", 'pasien_baru', NEW."pasien_baru", 'status', NEW."status", 'fee', NEW."fee", 'paid_at', NEW."paid_at", 'registered_by', NEW."registered_by", 'life_stage', NEW."life_stage", 'cluster_reason', NEW."cluster_reason", 'insurance_name', NEW."insurance_name", 'tariff_id', NEW."tariff_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_visit_ubah" AFTER UPDATE ON "visit" WHEN loket_audit_rows() AND (OLD."id" IS NOT NEW."id" OR OLD."visit_date" IS NOT NEW."visit_date" OR OLD."seq" IS NOT NEW."seq" OR OLD."registered_at" IS NOT NEW."registered_at" OR OLD."patient_id" IS NOT NEW."patient_id" OR OLD."payer" IS NOT NEW."payer" OR OLD."unit_id" IS NOT NEW."unit_id" OR OLD."cluster" IS NOT NEW."cluster" OR OLD."emergency" IS NOT NEW."emergency" OR OLD."kunjungan_baru" IS NOT NEW."kunjungan_baru" OR OLD."pasien_baru" IS NOT NEW."pasien_baru" OR OLD."status" IS NOT NEW."status" OR OLD."fee" IS NOT NEW."fee" OR OLD."paid_at" IS NOT NEW."paid_at" OR OLD."registered_by" IS NOT NEW."registered_by" OR OLD."life_stage" IS NOT NEW."life_stage" OR OLD."cluster_reason" IS NOT NEW."cluster_reason" OR OLD."insurance_name" IS NOT NEW."insurance_name" OR OLD."tariff_id" IS NOT NEW."tariff_id") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'visit' AS entity, CAST(NEW."id" AS TEXT) AS entity_id,
  NEW.patient_id AS patient_id, json_object('id', OLD."id", 'visit_date', OLD."visit_date", 'seq', OLD."seq", 'registered_at', OLD."registered_at", 'patient_id', OLD."patient_id", 'payer', OLD."payer", 'unit_id', OLD."unit_id", 'cluster', OLD."cluster", 'emergency', OLD."emergency", 'kunjungan_baru', OLD."kunjungan_baru", 'pasien_baru', OLD."pasien_baru", 'status', OLD."status", 'fee', OLD."fee", 'paid_at', OLD."paid_at", 'registered_by', OLD."registered_by", 'life_stage', OLD."life_stage", 'cluster_reason', OLD."cluster_reason", 'insurance_name', OLD."insurance_name", 'tariff_id', OLD."tariff_id") AS b, json_object('id', NEW."id", 'visit_date', NEW."visit_date", 'seq', NEW."seq", 'registered_at', NEW."registered_at", 'patient_id', NEW."patient_id", 'payer', NEW."payer", 'unit_id', NEW."unit_id", 'cluster', NEW."cluster", 'emergency', NEW."emergency", 'kunjungan_baru', NEW."kunjungan_baru", 'pasien_baru', NEW."pasien_baru", 'status', NEW."status", 'fee', NEW."fee", 'paid_at', NEW."paid_at", 'registered_by', NEW."registered_by", 'life_stage', NEW."life_stage", 'cluster_reason', NEW."cluster_reason", 'insurance_name', NEW."insurance_name", 'tariff_id', NEW."tariff_id") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_voice_clip_hapus" AFTER DELETE ON "voice_clip" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'hapus' AS action, 'voice_clip' AS entity, CAST(OLD."key" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('key', OLD."key", 'mime', OLD."mime", 'data', CASE WHEN OLD."data" IS NULL THEN NULL ELSE '[' || length(OLD."data") || ' bita]' END, 'duration_ms', OLD."duration_ms", 'updated_at', OLD."updated_at", 'updated_by', OLD."updated_by") AS b, NULL AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_voice_clip_tambah" AFTER INSERT ON "voice_clip" WHEN loket_audit_rows() BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'tambah' AS action, 'voice_clip' AS entity, CAST(NEW."key" AS TEXT) AS entity_id,
  NULL AS patient_id, NULL AS b, json_object('key', NEW."key", 'mime', NEW."mime", 'data', CASE WHEN NEW."data" IS NULL THEN NULL ELSE '[' || length(NEW."data") || ' bita]' END, 'duration_ms', NEW."duration_ms", 'updated_at', NEW."updated_at", 'updated_by', NEW."updated_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER "audit_voice_clip_ubah" AFTER UPDATE ON "voice_clip" WHEN loket_audit_rows() AND (OLD."key" IS NOT NEW."key" OR OLD."mime" IS NOT NEW."mime" OR OLD."data" IS NOT NEW."data" OR OLD."duration_ms" IS NOT NEW."duration_ms" OR OLD."updated_at" IS NOT NEW."updated_at" OR OLD."updated_by" IS NOT NEW."updated_by") BEGIN
  INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
  loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT json_extract(a, '$.at') AS at, json_extract(a, '$.userId') AS user_id, json_extract(a, '$.username') AS username, json_extract(a, '$.device') AS device,
  json_extract(a, '$.method') AS method, 'ubah' AS action, 'voice_clip' AS entity, CAST(NEW."key" AS TEXT) AS entity_id,
  NULL AS patient_id, json_object('key', OLD."key", 'mime', OLD."mime", 'data', CASE WHEN OLD."data" IS NULL THEN NULL ELSE '[' || length(OLD."data") || ' bita]' END, 'duration_ms', OLD."duration_ms", 'updated_at', OLD."updated_at", 'updated_by', OLD."updated_by") AS b, json_object('key', NEW."key", 'mime', NEW."mime", 'data', CASE WHEN NEW."data" IS NULL THEN NULL ELSE '[' || length(NEW."data") || ' bita]' END, 'duration_ms', NEW."duration_ms", 'updated_at', NEW."updated_at", 'updated_by', NEW."updated_by") AS f,
  coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000') AS prev_hash
  FROM (SELECT loket_audit_actor() AS a));
END;

CREATE TRIGGER diagnosis_search_delete AFTER DELETE ON diagnosis BEGIN
  INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
  END;

CREATE TRIGGER diagnosis_search_insert AFTER INSERT ON diagnosis BEGIN
  INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
  END;

CREATE TRIGGER diagnosis_search_update AFTER UPDATE OF code, text ON diagnosis BEGIN
  INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
  INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
  END;

CREATE TRIGGER folder_movement_no_delete BEFORE DELETE ON folder_movement
  BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END;

CREATE TRIGGER folder_movement_no_update BEFORE UPDATE ON folder_movement
  BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END;

CREATE TRIGGER login_attempt_no_update BEFORE UPDATE ON login_attempt
  BEGIN SELECT RAISE(ABORT, 'login_attempt is append-only'); END;

CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
  DELETE FROM patient_search WHERE rowid = old.id;
  DELETE FROM patient_name_trigram WHERE rowid = old.id;
  END;

CREATE TRIGGER patient_search_insert AFTER INSERT ON patient WHEN new.merged_into IS NULL BEGIN
  INSERT INTO patient_search (rowid, name, place, born) VALUES (new.id, new.name_key, replace(' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT r.name FROM region r WHERE r.code = new.village_code), '') || ' ' || coalesce(new.address_street, ''), '''', ''), '.', ' '), ',', ' '), '/', ' '), '-', ' '), '(', ' '), ')', ' '), ':', ' '), ';', ' '), '"', ' '), ' ', ' q'), 'y' || substr(new.birth_date, 1, 4));
  INSERT INTO patient_name_trigram (rowid, name, born) VALUES (new.id, ' ' || new.name_key || ' ', substr(new.birth_date, 2, 3));
  END;

CREATE TRIGGER patient_search_update AFTER UPDATE OF name_key, birth_date, village_code, address_street, merged_into ON patient BEGIN
  DELETE FROM patient_search WHERE rowid = old.id;
  DELETE FROM patient_name_trigram WHERE rowid = old.id;
  INSERT INTO patient_search (rowid, name, place, born) SELECT new.id, new.name_key, replace(' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT r.name FROM region r WHERE r.code = new.village_code), '') || ' ' || coalesce(new.address_street, ''), '''', ''), '.', ' '), ',', ' '), '/', ' '), '-', ' '), '(', ' '), ')', ' '), ':', ' '), ';', ' '), '"', ' '), ' ', ' q'), 'y' || substr(new.birth_date, 1, 4) WHERE new.merged_into IS NULL;
  INSERT INTO patient_name_trigram (rowid, name, born) SELECT new.id, ' ' || new.name_key || ' ', substr(new.birth_date, 2, 3) WHERE new.merged_into IS NULL;
  END;

CREATE TRIGGER referral_event_no_delete BEFORE DELETE ON referral_event BEGIN SELECT RAISE(ABORT, 'referral_event is append-only'); END;

CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event BEGIN SELECT RAISE(ABORT, 'referral_event is append-only'); END;

CREATE TRIGGER referral_followup_no_delete BEFORE DELETE ON referral_followup BEGIN SELECT RAISE(ABORT, 'referral_followup is append-only'); END;

CREATE TRIGGER referral_followup_no_update BEFORE UPDATE ON referral_followup BEGIN SELECT RAISE(ABORT, 'referral_followup is append-only'); END;

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)));

CREATE TABLE appointment (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  date TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL DEFAULT 'terjadwal' CHECK (status IN ('terjadwal','hadir','batal')),
  visit_id INTEGER REFERENCES visit(id),
  created_by INTEGER REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id INTEGER,
  username TEXT,
  device TEXT,
  method TEXT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  patient_id INTEGER,
  "before" TEXT,
  "after" TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
  );

CREATE TABLE cash_day (
  date TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES app_user(id),
  payments INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  voids INTEGER NOT NULL
  );

CREATE TABLE completeness_item (
  review_id INTEGER NOT NULL REFERENCES completeness_review(id),
  item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 80),
  present INTEGER NOT NULL CHECK (present IN (0,1)),
  PRIMARY KEY (review_id, item)
  );

CREATE TABLE completeness_review (
  id INTEGER PRIMARY KEY,
  folder_id INTEGER NOT NULL REFERENCES folder(id),
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  visit_id INTEGER REFERENCES visit(id),
  practitioner_id INTEGER REFERENCES practitioner(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  reviewed_at TEXT NOT NULL,
  reviewed_by INTEGER REFERENCES app_user(id),
  complete INTEGER NOT NULL CHECK (complete IN (0,1)),
  resolves_review_id INTEGER REFERENCES completeness_review(id),
  resolved_at TEXT,
  CHECK (complete = 0 OR resolved_at IS NULL)
  );

CREATE TABLE counter (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE counter_service (
  counter_id INTEGER NOT NULL REFERENCES counter(id),
  service_id INTEGER NOT NULL REFERENCES service(id),
  PRIMARY KEY (counter_id, service_id)
  ) WITHOUT ROWID;

CREATE TABLE device (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  scope TEXT NOT NULL CHECK (scope IN ('display','kiosk','counter')),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  paired_at TEXT NOT NULL,
  paired_by INTEGER NOT NULL REFERENCES app_user(id),
  last_seen_at TEXT,
  revoked_at TEXT,
  revoked_by INTEGER REFERENCES app_user(id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
  );

CREATE TABLE diagnosis (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20 AND code = upper(code)),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 250),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  updated_at TEXT NOT NULL
  );

CREATE VIRTUAL TABLE diagnosis_search USING fts5(
  code, text, content='diagnosis', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  );

CREATE TABLE 'diagnosis_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'diagnosis_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'diagnosis_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'diagnosis_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE facility (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE facility_specialty (
  facility_id INTEGER NOT NULL REFERENCES facility(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (facility_id, name)
  );

CREATE TABLE folder (
  id INTEGER PRIMARY KEY,
  rm_base TEXT NOT NULL,
  volume INTEGER NOT NULL DEFAULT 1 CHECK (volume >= 1),
  temporary_for INTEGER REFERENCES folder(id),
  status TEXT NOT NULL DEFAULT 'di_rak'
  CHECK (status IN ('di_rak','keluar','dipinjam','hilang','inaktif','digabung')),
  location_kind TEXT NOT NULL DEFAULT 'rak'
  CHECK (location_kind IN ('rak','ruang_rm','unit','peminjam','hilang','rak_inaktif')),
  location_unit_id INTEGER REFERENCES unit(id),
  borrower TEXT,
  due_date TEXT,
  out_since TEXT,
  last_unit_id INTEGER REFERENCES unit(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, combined_into INTEGER REFERENCES folder(id),
  CHECK ((location_kind = 'unit') = (location_unit_id IS NOT NULL)),
  CHECK ((status = 'dipinjam') = (borrower IS NOT NULL))
  );

CREATE TABLE "folder_movement" (
  id INTEGER PRIMARY KEY,
  folder_id INTEGER NOT NULL REFERENCES folder(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ambil','kirim','pindah_unit','kembali','simpan','pinjam','kembalikan_lengkapi',
  'hilang','ditemukan','inaktif','aktif','digabung','sementara','dipisah','jilid_baru')),
  from_kind TEXT,
  from_unit_id INTEGER REFERENCES unit(id),
  to_kind TEXT NOT NULL,
  to_unit_id INTEGER REFERENCES unit(id),
  user_id INTEGER REFERENCES app_user(id),
  method TEXT NOT NULL CHECK (method IN ('scan','ketik','sistem')),
  request_id INTEGER REFERENCES folder_request(id),
  visit_id INTEGER REFERENCES visit(id),
  reason TEXT,
  borrower TEXT,
  due_date TEXT
  );

CREATE TABLE folder_patient (
  patient_id INTEGER PRIMARY KEY REFERENCES patient(id),
  folder_id INTEGER NOT NULL REFERENCES folder(id)
  );

CREATE TABLE folder_request (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu','diambil','diterima_unit','batal'))
  , delivered_at TEXT);

CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
  village_code TEXT,
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  note TEXT,
  marked_at TEXT NOT NULL,
  marked_by INTEGER REFERENCES app_user(id),
  status TEXT NOT NULL DEFAULT 'dikirim' CHECK (status IN ('dikirim','selesai')),
  done_at TEXT,
  done_by INTEGER REFERENCES app_user(id),
  done_note TEXT
  );

CREATE TABLE internal_referral (
  letter_id INTEGER PRIMARY KEY REFERENCES letter(id),
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  visit_id INTEGER REFERENCES visit(id),
  referral_date TEXT NOT NULL,
  from_unit_id INTEGER REFERENCES unit(id),
  to_unit_id INTEGER NOT NULL REFERENCES unit(id),
  request TEXT NOT NULL,
  movement_id INTEGER REFERENCES folder_movement(id),
  ticket_id INTEGER REFERENCES queue_ticket(id),
  created_at TEXT NOT NULL
  );

CREATE TABLE letter (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sakit', 'sehat', 'rujukan', 'rujukan_internal')),
  number TEXT NOT NULL UNIQUE,
  seq INTEGER NOT NULL CHECK (seq > 0),
  year INTEGER NOT NULL,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  visit_id INTEGER REFERENCES visit(id),
  signer_id INTEGER NOT NULL REFERENCES practitioner(id),
  issued_at TEXT NOT NULL,
  issued_date TEXT NOT NULL,
  issued_by INTEGER NOT NULL REFERENCES app_user(id),
  data TEXT NOT NULL CHECK (json_valid(data)),
  verify_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'terbit' CHECK (status IN ('terbit', 'batal')),
  cancelled_at TEXT,
  cancelled_by INTEGER REFERENCES app_user(id),
  cancel_reason TEXT,
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'F4')),
  archived_at TEXT,
  UNIQUE (kind, year, seq),
  CHECK ((status = 'batal') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
  );

CREATE TABLE letter_print (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letter(id),
  printed_at TEXT NOT NULL,
  printed_by INTEGER NOT NULL REFERENCES app_user(id),
  copy INTEGER NOT NULL CHECK (copy IN (0, 1)),
  target TEXT NOT NULL CHECK (target IN ('cetak', 'pdf'))
  );

CREATE TABLE login_attempt (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
  at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('berhasil','gagal','dibuka')),
  client TEXT
  );

CREATE TABLE number_sequence (
  name TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  value INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (name, period)
  ) WITHOUT ROWID;

CREATE TABLE patient (
  id INTEGER PRIMARY KEY,
  rm_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('L','P')),
  birth_place TEXT,
  birth_date TEXT NOT NULL,
  nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
  bpjs_number TEXT CHECK (bpjs_number IS NULL OR (length(bpjs_number) = 13 AND bpjs_number NOT GLOB '*[^0-9]*')),
  bpjs_class INTEGER CHECK (bpjs_class IS NULL OR bpjs_class BETWEEN 1 AND 3),
  payer_default TEXT NOT NULL DEFAULT 'umum',
  phone TEXT,
  address_street TEXT,
  rt TEXT,
  rw TEXT,
  village_code TEXT REFERENCES region(code),
  occupation TEXT,
  education TEXT,
  religion TEXT,
  marital_status TEXT,
  blood_type TEXT,
  mother_name TEXT,
  mother_nik TEXT,
  kk_number TEXT,
  family_head TEXT,
  emergency_name TEXT,
  emergency_relation TEXT,
  emergency_phone TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  merged_into INTEGER REFERENCES patient(id)
  );

CREATE TABLE patient_merge (
  id INTEGER PRIMARY KEY,
  kept_id INTEGER NOT NULL REFERENCES patient(id),
  merged_id INTEGER NOT NULL REFERENCES patient(id),
  reason TEXT NOT NULL,
  moved TEXT NOT NULL CHECK (json_valid(moved)),
  merged_at TEXT NOT NULL,
  merged_by INTEGER REFERENCES app_user(id),
  undone_at TEXT,
  undone_by INTEGER REFERENCES app_user(id),
  CHECK (kept_id != merged_id)
  );

CREATE VIRTUAL TABLE patient_name_trigram USING fts5(name, born, tokenize = 'trigram', content = '', contentless_delete = 1);

CREATE TABLE 'patient_name_trigram_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'patient_name_trigram_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'patient_name_trigram_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'patient_name_trigram_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE patient_search USING fts5(name, place, born, tokenize = 'unicode61', prefix = '2 3', detail = 'column', content = '', contentless_delete = 1);

CREATE TABLE 'patient_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'patient_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'patient_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'patient_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visit(id),
  cash_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  tariff_id INTEGER REFERENCES tariff(id),
  tariff_name TEXT NOT NULL,
  paid_at TEXT NOT NULL,
  cashier_id INTEGER REFERENCES app_user(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES app_user(id),
  void_reason TEXT,
  CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL))
  );

CREATE TABLE practitioner (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  profession TEXT NOT NULL,
  nip TEXT,
  sip TEXT,
  str TEXT,
  unit_id INTEGER REFERENCES unit(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE queue_event (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES queue_ticket(id),
  kind TEXT NOT NULL CHECK (kind IN ('issued','called','recalled','skipped','held','finished','transferred')),
  at TEXT NOT NULL,
  counter_id INTEGER REFERENCES counter(id),
  unit_id INTEGER REFERENCES unit(id),
  announcement TEXT,
  user_id INTEGER REFERENCES app_user(id),
  CHECK ((kind IN ('called','recalled')) = (announcement IS NOT NULL))
  );

CREATE TABLE queue_ticket (
  id INTEGER PRIMARY KEY,
  service_date TEXT NOT NULL,
  lane TEXT NOT NULL,
  service_id INTEGER REFERENCES service(id),
  unit_id INTEGER REFERENCES unit(id),
  number INTEGER NOT NULL CHECK (number > 0),
  code TEXT NOT NULL,
  priority TEXT CHECK (priority IN ('lansia','disabilitas','ibu_hamil','anak')),
  status TEXT NOT NULL DEFAULT 'menunggu'
  CHECK (status IN ('menunggu','dipanggil','selesai','dilewati','ditahan','dialihkan')),
  counter_id INTEGER REFERENCES counter(id),
  visit_id INTEGER REFERENCES visit(id),
  issued_at TEXT NOT NULL,
  called_at TEXT,
  last_called_at TEXT,
  finished_at TEXT,
  transferred_from INTEGER REFERENCES queue_ticket(id), request_id TEXT CHECK (request_id IS NULL OR length(request_id) BETWEEN 8 AND 64),
  CHECK ((service_id IS NULL) != (unit_id IS NULL)),
  CHECK (lane = CASE WHEN service_id IS NOT NULL THEN 'S' || service_id ELSE 'U' || unit_id END),
  UNIQUE (service_date, lane, number)
  );

CREATE TABLE receipt_print (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visit(id),
  printed_at TEXT NOT NULL,
  printed_by INTEGER REFERENCES app_user(id),
  copy INTEGER NOT NULL CHECK (copy IN (0, 1))
  );

CREATE TABLE referral (
  letter_id INTEGER PRIMARY KEY REFERENCES letter(id),
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  visit_id INTEGER REFERENCES visit(id),
  referral_date TEXT NOT NULL CHECK (referral_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  facility_id INTEGER NOT NULL REFERENCES facility(id),
  specialty TEXT NOT NULL,
  diagnosis_code TEXT NOT NULL,
  diagnosis_text TEXT NOT NULL,
  emergency INTEGER NOT NULL CHECK (emergency IN (0,1)),
  signer_id INTEGER NOT NULL REFERENCES practitioner(id),
  status TEXT NOT NULL DEFAULT 'dibuat'
  CHECK (status IN ('dibuat','dikirim','diterima','ditolak','berangkat','serah_terima')),
  sisrute_number TEXT,
  family_informed_at TEXT,
  admitted INTEGER CHECK (admitted IN (0,1)),
  follow_up_closed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );

CREATE TABLE referral_event (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES referral(letter_id),
  status TEXT NOT NULL CHECK (status IN ('dibuat','dikirim','diterima','ditolak','berangkat','serah_terima')),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES app_user(id),
  note TEXT,
  sisrute_number TEXT,
  reason TEXT,
  transport TEXT CHECK (transport IN ('ambulans','kendaraan_dinas','pribadi')),
  escort_name TEXT,
  family_informed_at TEXT,
  received_by TEXT,
  admitted INTEGER CHECK (admitted IN (0,1))
  );

CREATE TABLE referral_followup (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES referral(letter_id),
  kind TEXT NOT NULL CHECK (kind IN ('perkembangan','rujuk_balik','selesai')),
  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES app_user(id)
  );

CREATE TABLE region (
  code TEXT PRIMARY KEY,
  parent_code TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  name TEXT NOT NULL
  ) WITHOUT ROWID;

CREATE TABLE role_permission (
  role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 40),
  permission TEXT NOT NULL CHECK (length(permission) BETWEEN 3 AND 60),
  PRIMARY KEY (role, permission)
  ) WITHOUT ROWID;

CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

CREATE TABLE service (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER
  );

CREATE TABLE sqlite_sequence(name,seq);

CREATE TABLE tariff (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  cluster TEXT NOT NULL CHECK (cluster IN ('klaster1','klaster2','klaster3','klaster4','lintas')),
  closing_time TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  client TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
  , locked_at TEXT) WITHOUT ROWID;

CREATE TABLE visit (
  id INTEGER PRIMARY KEY,
  visit_date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  registered_at TEXT NOT NULL,
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  payer TEXT NOT NULL CHECK (payer IN ('bpjs','umum','asuransi_lain')),
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  cluster TEXT NOT NULL,
  emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0,1)),
  kunjungan_baru INTEGER NOT NULL CHECK (kunjungan_baru IN (0,1)),
  pasien_baru INTEGER NOT NULL CHECK (pasien_baru IN (0,1)),
  status TEXT NOT NULL DEFAULT 'terdaftar',
  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  paid_at TEXT,
  registered_by INTEGER REFERENCES app_user(id), life_stage TEXT, cluster_reason TEXT, insurance_name TEXT, tariff_id INTEGER REFERENCES tariff(id),
  UNIQUE (visit_date, seq)
  );

CREATE TABLE voice_clip (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
  mime TEXT NOT NULL CHECK (mime IN ('audio/wav', 'audio/webm', 'audio/ogg')),
  data BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES app_user(id)
  );

CREATE INDEX appointment_date ON appointment(date, status);

CREATE INDEX appointment_patient ON appointment(patient_id, date);

CREATE INDEX audit_log_at ON audit_log(at);

CREATE INDEX audit_log_patient ON audit_log(patient_id, id) WHERE patient_id IS NOT NULL;

CREATE INDEX audit_log_user ON audit_log(user_id, id);

CREATE INDEX completeness_review_folder ON completeness_review(folder_id, id);

CREATE INDEX completeness_review_period ON completeness_review(period, unit_id);

CREATE INDEX folder_combined ON folder(combined_into) WHERE combined_into IS NOT NULL;

CREATE INDEX folder_movement_folder ON folder_movement(folder_id, id);

CREATE INDEX folder_out ON folder(status, location_unit_id, out_since) WHERE status IN ('keluar','dipinjam');

CREATE INDEX folder_patient_folder ON folder_patient(folder_id);

CREATE INDEX folder_request_status ON folder_request(status, requested_at);

CREATE INDEX folder_request_time ON folder_request(unit_id, CASE WHEN delivered_at IS NULL THEN -1 ELSE max(0, CAST((((strftime('%s', delivered_at) - strftime('%s', requested_at)) * 1000 + CAST(substr(delivered_at, 21, 3) AS INTEGER) - CAST(substr(requested_at, 21, 3) AS INTEGER)) / 60000.0 * 10) AS INTEGER) + ((((strftime('%s', delivered_at) - strftime('%s', requested_at)) * 1000 + CAST(substr(delivered_at, 21, 3) AS INTEGER) - CAST(substr(requested_at, 21, 3) AS INTEGER)) / 60000.0 * 10) - CAST((((strftime('%s', delivered_at) - strftime('%s', requested_at)) * 1000 + CAST(substr(delivered_at, 21, 3) AS INTEGER) - CAST(substr(requested_at, 21, 3) AS INTEGER)) / 60000.0 * 10) AS INTEGER) >= 0.5)) END, status, visit_id);

CREATE UNIQUE INDEX folder_rm ON folder(rm_base, volume) WHERE temporary_for IS NULL;

CREATE INDEX follow_up_village ON follow_up(village_code);

CREATE INDEX internal_referral_by_date ON internal_referral(referral_date, to_unit_id);

CREATE INDEX letter_issued ON letter(issued_date, kind);

CREATE INDEX letter_patient ON letter(patient_id, issued_at);

CREATE INDEX letter_print_letter ON letter_print(letter_id, printed_at);

CREATE INDEX letter_visit ON letter(visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX login_attempt_user ON login_attempt(username, id);

CREATE INDEX patient_birth_date ON patient(birth_date);

CREATE INDEX patient_bpjs ON patient(bpjs_number) WHERE bpjs_number IS NOT NULL;

CREATE INDEX patient_kk ON patient(kk_number) WHERE kk_number IS NOT NULL;

CREATE INDEX patient_merge_kept ON patient_merge(kept_id);

CREATE INDEX patient_merge_merged ON patient_merge(merged_id);

CREATE INDEX patient_mother_nik ON patient(mother_nik) WHERE mother_nik IS NOT NULL;

CREATE INDEX patient_name_key ON patient(name_key);

CREATE UNIQUE INDEX patient_nik ON patient(nik) WHERE nik IS NOT NULL AND merged_into IS NULL;

CREATE INDEX patient_phone ON patient(phone) WHERE phone IS NOT NULL;

CREATE INDEX patient_recap ON patient(village_code, sex, id, ((CAST(substr(birth_date, 1, 4) AS INTEGER) * 12 + CAST(substr(birth_date, 6, 2) AS INTEGER)) * 32 + CAST(substr(birth_date, 9, 2) AS INTEGER)));

CREATE INDEX payment_cash_date ON payment(cash_date);

CREATE UNIQUE INDEX payment_live_visit ON payment(visit_id) WHERE voided_at IS NULL;

CREATE INDEX queue_event_ticket ON queue_event(ticket_id);

CREATE INDEX queue_ticket_day_status ON queue_ticket(service_date, status);

CREATE UNIQUE INDEX queue_ticket_request ON queue_ticket(service_date, request_id) WHERE request_id IS NOT NULL;

CREATE INDEX queue_ticket_visit ON queue_ticket(visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX queue_ticket_wait ON queue_ticket(substr(service_date, 1, 7), lane, max(0, (((strftime('%s', called_at) - strftime('%s', issued_at)) * 1000 + CAST(substr(called_at, 21, 3) AS INTEGER) - CAST(substr(issued_at, 21, 3) AS INTEGER)) + 500) / 1000));

CREATE INDEX receipt_print_visit ON receipt_print(visit_id);

CREATE INDEX referral_by_date ON referral(referral_date, facility_id);

CREATE INDEX referral_by_patient ON referral(patient_id);

CREATE INDEX referral_event_letter ON referral_event(letter_id, id);

CREATE INDEX referral_follow_up ON referral(letter_id) WHERE admitted = 1 AND follow_up_closed_at IS NULL;

CREATE INDEX referral_followup_letter ON referral_followup(letter_id, id);

CREATE INDEX referral_open ON referral(status) WHERE status NOT IN ('ditolak','serah_terima');

CREATE INDEX region_level_name ON region(level, name COLLATE NOCASE);

CREATE INDEX region_parent ON region(parent_code);

CREATE INDEX user_session_user ON user_session(user_id);

CREATE INDEX visit_date_unit ON visit(visit_date, unit_id);

CREATE INDEX visit_patient_date ON visit(patient_id, visit_date);

CREATE INDEX visit_recap ON visit(patient_id, visit_date, status, unit_id, (((((unit_id * 16 + CAST(substr(visit_date, 6, 2) AS INTEGER)) * 32 + CAST(substr(visit_date, 9, 2) AS INTEGER)) * 8 + CASE cluster WHEN 'klaster1' THEN 0 WHEN 'klaster2' THEN 1 WHEN 'klaster3' THEN 2 WHEN 'klaster4' THEN 3 WHEN 'lintas' THEN 4 ELSE 5 END) * 4 + CASE payer WHEN 'bpjs' THEN 0 WHEN 'umum' THEN 1 WHEN 'asuransi_lain' THEN 2 ELSE 3 END) * 4 + kunjungan_baru * 2 + pasien_baru));
