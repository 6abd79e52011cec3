-- Owners take their ids from the identity column (1-6), so POST /owners continues at 7.
INSERT INTO owners (first_name, last_name, address, city, telephone) VALUES
  ('George', 'Franklin', '110 W. Liberty St.', 'Madison', '6085551023'),
  ('Betty', 'Davis', '638 Cardinal Ave.', 'Sun Prairie', '6085551749'),
  ('Eduardo', 'Rodriquez', '2693 Commerce St.', 'McFarland', '6085558763'),
  ('Harold', 'Davis', '563 Friendly St.', 'Windsor', '6085553198'),
  ('Peter', 'McTavish', '2387 S. Fair Way', 'Madison', '6085552765'),
  ('Jean', 'Coleman', '105 N. Lake St.', 'Monona', '6085552654');

INSERT INTO pets (id, name, birth_date, type, owner_id) VALUES
  (1, 'Leo', '2020-09-07', 'cat', 1),
  (2, 'Basil', '2022-08-06', 'hamster', 2),
  (3, 'Rosy', '2021-04-17', 'dog', 3),
  (4, 'Jewel', '2020-03-07', 'dog', 3),
  (5, 'Iggy', '2020-11-30', 'lizard', 4),
  (6, 'George', '2020-01-20', 'snake', 5),
  (7, 'Samantha', '2022-09-04', 'cat', 6),
  (8, 'Max', '2022-09-04', 'cat', 6);

INSERT INTO visits (id, pet_id, visit_date, description) VALUES
  (1, 7, '2025-03-04', 'rabies shot'),
  (2, 8, '2025-03-04', 'rabies shot'),
  (3, 8, '2025-06-04', 'neutered'),
  (4, 7, '2025-09-04', 'spayed');
