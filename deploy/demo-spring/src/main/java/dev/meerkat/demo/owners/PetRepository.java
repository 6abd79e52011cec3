package dev.meerkat.demo.owners;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PetRepository extends JpaRepository<Pet, Integer> {
  List<Pet> findByOwnerIdOrderById(Integer ownerId);

  Optional<Pet> findByIdAndOwnerId(Integer id, Integer ownerId);
}
