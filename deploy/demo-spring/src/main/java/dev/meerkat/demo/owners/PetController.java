package dev.meerkat.demo.owners;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/**
 * An owner's pets, their visits (a flaky endpoint: {@code owners.visits.error-rate} of the calls
 * answer 500) and their food, which the inventory service is asked about over HTTP.
 */
@RestController
@RequestMapping("/owners/{ownerId}")
class PetController {
  private final OwnerRepository owners;
  private final PetRepository pets;
  private final VisitRepository visits;
  private final RestClient inventory;
  private final double visitsErrorRate;

  PetController(
      OwnerRepository owners,
      PetRepository pets,
      VisitRepository visits,
      RestClient inventory,
      @Value("${owners.visits.error-rate}") double visitsErrorRate) {
    this.owners = owners;
    this.pets = pets;
    this.visits = visits;
    this.inventory = inventory;
    this.visitsErrorRate = visitsErrorRate;
  }

  @GetMapping("/pets")
  List<Pet> pets(@PathVariable int ownerId) {
    if (!owners.existsById(ownerId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such owner");
    }
    return pets.findByOwnerIdOrderById(ownerId);
  }

  @GetMapping("/visits")
  List<Visit> visits(@PathVariable int ownerId) {
    List<Integer> petIds = pets.findByOwnerIdOrderById(ownerId).stream().map(Pet::getId).toList();
    List<Visit> found = petIds.isEmpty() ? List.of() : visits.findByPetIds(petIds);
    // The simulated fault comes after the query, like a timeout while rendering would.
    if (ThreadLocalRandom.current().nextDouble() < visitsErrorRate) {
      throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "visit log unavailable");
    }
    return found;
  }

  @GetMapping("/pets/{petId}/food")
  String food(@PathVariable int ownerId, @PathVariable int petId) {
    Pet pet =
        pets.findByIdAndOwnerId(petId, ownerId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such pet"));
    try {
      return inventory
          .get()
          .uri("/inventory/{sku}", "food-" + pet.getType())
          .retrieve()
          .body(String.class);
    } catch (RestClientException e) {
      throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "inventory unavailable", e);
    }
  }
}
